import { z } from 'zod';
import { LOCAL_TENANT_ID } from '../../../src/config';
import { openStore } from '../../../src/store/open-store';
import type { RunningBot } from './bot-process';

/** The local team's id; its General channel (the same id) stands in for the Panel channel. */
export const PANEL_CHANNEL_ID = '19:isend-team@thread.tacv2';

/** A panel member who is not the Playground's user, as Teams would name them in an activity (see .m365agentsplayground.yml). */
export interface TeamsPerson {
  readonly id: string;
  readonly name: string;
  readonly aadObjectId: string;
}

export const JO_OKAFOR: TeamsPerson = { id: '29:local-jo-okafor', name: 'Jo Okafor', aadObjectId: '00000000-0000-0000-0000-000000000103' };
export const CHRIS_EVANS: TeamsPerson = { id: '29:local-chris-evans', name: 'Chris Evans', aadObjectId: '00000000-0000-0000-0000-000000000104' };

const storedReference = z.object({ serviceUrl: z.string().url() }).passthrough();

/** The connector URL the bot keeps for a channel: the Playground's, as the bot saw it in the Playground's own activities. */
export async function storedServiceUrl(bot: RunningBot, channelId: string): Promise<string> {
  const store = await openStore({ kind: 'sqlite', path: bot.sqlitePath });
  try {
    const found = await store.getConversation(channelId);
    if (!found) throw new Error(`The bot keeps no conversation for ${channelId} yet.`);
    return storedReference.parse(found.reference).serviceUrl;
  } finally {
    await store.close();
  }
}

/** What the bot answered to a card click sent over HTTP: the HTTP status and the body (the invoke response with its card, as JSON). */
export interface InvokeAnswer {
  readonly status: number;
  readonly body: string;
}

/** POSTs an `adaptiveCard/action` invoke to the bot as Teams would, with the Playground's connector URL so the bot keeps posting to the Playground. */
async function postInvoke(bot: RunningBot, activity: Record<string, unknown>, verb: string, data: Record<string, unknown>): Promise<InvokeAnswer> {
  const response = await fetch(bot.messagesUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ type: 'invoke', name: 'adaptiveCard/action', channelId: 'msteams', timestamp: new Date().toISOString(), ...activity, value: { action: { type: 'Action.Execute', verb, data } } }),
    signal: AbortSignal.timeout(15_000),
  });
  return { status: response.status, body: await response.text() };
}

/** Who sends a click, through which connector, to the bot (the conversation is the caller's). */
const sentBy = (who: TeamsPerson, serviceUrl: string, verb: string) => ({
  id: `e2e-${who.aadObjectId}-${verb}`,
  serviceUrl,
  from: { id: who.id, name: who.name, aadObjectId: who.aadObjectId },
  recipient: { id: '28:00000000-0000-0000-0000-0000000000b0', name: 'SEND Front Door' },
});

/** Clicks an Action.Execute button on a Panel channel post as `who`. */
export function clickInPanelChannel(bot: RunningBot, serviceUrl: string, who: TeamsPerson, verb: string, data: Record<string, unknown>): Promise<InvokeAnswer> {
  return postInvoke(
    bot,
    {
      ...sentBy(who, serviceUrl, verb),
      conversation: { id: `${PANEL_CHANNEL_ID};messageid=e2e-panel-post`, conversationType: 'channel', tenantId: LOCAL_TENANT_ID, isGroup: true },
      channelData: { tenant: { id: LOCAL_TENANT_ID }, team: { id: PANEL_CHANNEL_ID }, channel: { id: PANEL_CHANNEL_ID } },
    },
    verb,
    data,
  );
}

/** Clicks an Action.Execute button in `who`'s personal chat with the bot (someone the Playground does not show). */
export function clickInPersonalChat(bot: RunningBot, serviceUrl: string, who: TeamsPerson, verb: string, data: Record<string, unknown>): Promise<InvokeAnswer> {
  return postInvoke(
    bot,
    {
      ...sentBy(who, serviceUrl, verb),
      conversation: { id: `a:e2e-personal-${who.aadObjectId}`, conversationType: 'personal', tenantId: LOCAL_TENANT_ID, isGroup: false },
      channelData: { tenant: { id: LOCAL_TENANT_ID } },
    },
    verb,
    data,
  );
}
