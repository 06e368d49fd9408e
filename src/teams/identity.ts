import type { TurnContext } from 'botbuilder';
import type { UserIdentity } from '../domain/roles';

/** The tenant an activity comes from, wherever Teams put it. */
export function tenantOf(activity: { conversation?: { tenantId?: string }; channelData?: unknown }): string | undefined {
  const channelData = activity.channelData as { tenant?: { id?: unknown } } | undefined;
  const fromChannelData = typeof channelData?.tenant?.id === 'string' ? channelData.tenant.id : undefined;
  return activity.conversation?.tenantId ?? fromChannelData;
}

/** Who sent this turn, as Teams says (never from card data). Undefined when Teams gave no AAD id. */
export function identityOf(context: TurnContext): UserIdentity | undefined {
  const { from } = context.activity;
  const tenantId = tenantOf(context.activity);
  if (!from?.aadObjectId || !tenantId) return undefined;
  const upn = (from as { userPrincipalName?: unknown }).userPrincipalName;
  return {
    tenantId,
    aadObjectId: from.aadObjectId,
    name: from.name,
    userPrincipalName: typeof upn === 'string' ? upn : undefined,
  };
}
