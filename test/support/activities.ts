import { LOCAL_TENANT_ID } from '../../src/config';

/** A personal-chat message as Teams posts it to /api/messages. */
export function personalMessage(options: { aadObjectId: string; name: string; text: string; serviceUrl: string; tenantId?: string }): Record<string, unknown> {
  const tenantId = options.tenantId ?? LOCAL_TENANT_ID;
  return {
    type: 'message',
    id: `m-${Math.random().toString(36).slice(2)}`,
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl: options.serviceUrl,
    from: { id: `29:${options.aadObjectId}`, name: options.name, aadObjectId: options.aadObjectId },
    recipient: { id: '28:bot', name: 'SEND Front Door' },
    conversation: { id: `a:${options.aadObjectId}`, conversationType: 'personal', tenantId },
    channelData: { tenant: { id: tenantId } },
    text: options.text,
  };
}

export const SENCO = { aadObjectId: '00000000-0000-0000-0000-000000000101', name: 'Priya Shah' };
export const STRANGER = { aadObjectId: '00000000-0000-0000-0000-0000000009ff', name: 'Robin Stranger' };
