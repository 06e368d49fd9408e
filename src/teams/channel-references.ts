import { TurnContext } from 'botbuilder';
import { rememberChannelConversation } from './bot-notifier';
import type { BotDeps } from './deps';

/**
 * Keeps the references the bot needs to post in the front door's Duty and Panel channels.
 * In Teams the bot learns them when it is installed in the authority's team (any activity
 * from that team). The local Playground never tells the bot it is in its team, so in local
 * mode any activity stands in for that. Checked once per process per service URL.
 */
export function channelReferenceKeeper(deps: BotDeps): (context: TurnContext) => Promise<void> {
  const known = new Set<string>();
  return async (context) => {
    await rememberChannelConversation(context, deps.store, deps.clock);
    const { activity } = context;
    const settings = await deps.directory.frontDoorSettings();
    const team = (activity.channelData as { team?: { id?: unknown } } | undefined)?.team?.id;
    if (team !== settings.teams.teamId && deps.mode !== 'local') return;
    for (const channelId of [settings.teams.dutyChannelId, settings.teams.panelChannelId]) {
      const seen = `${channelId}|${activity.serviceUrl}`;
      if (known.has(seen)) continue;
      const existing = await deps.store.getConversation(channelId);
      const existingUrl = (existing?.reference as { serviceUrl?: unknown } | undefined)?.serviceUrl;
      if (existingUrl !== activity.serviceUrl) {
        const reference = TurnContext.getConversationReference(activity);
        delete reference.activityId;
        delete reference.user;
        reference.conversation = { id: channelId, name: '', conversationType: 'channel', isGroup: true, tenantId: activity.conversation?.tenantId };
        await deps.store.saveConversation({ key: channelId, reference: JSON.parse(JSON.stringify(reference)) as Record<string, unknown>, updatedAt: deps.clock.now().toISOString() });
      }
      known.add(seen);
    }
  };
}
