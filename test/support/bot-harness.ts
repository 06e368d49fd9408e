import { TestAdapter, type Activity } from 'botbuilder';
import { storeDirectory } from '../../src/app/directory';
import { importReferenceData } from '../../src/app/reference-data/import-reference-data';
import { loadReferenceData } from '../../src/app/reference-data/load-reference-data';
import { LOCAL_TENANT_ID } from '../../src/config';
import { userKey } from '../../src/domain/roles';
import type { Clock } from '../../src/ports/clock';
import type { Ids } from '../../src/ports/ids';
import type { Logger } from '../../src/ports/logger';
import type { Store } from '../../src/ports/store';
import { openStore } from '../../src/store/open-store';
import { createBotApp } from '../../src/teams/bot-app';
import { FORM_STEPS, VALID_STEP_INPUTS } from './intake-answers';

/** People of the local data/ folder, as Teams would name them. */
export const PEOPLE = {
  alex: { aadObjectId: '00000000-0000-0000-0000-000000000100', name: 'Alex Morgan' },
  priya: { aadObjectId: '00000000-0000-0000-0000-000000000101', name: 'Priya Shah' },
  sam: { aadObjectId: '00000000-0000-0000-0000-000000000102', name: 'Sam Patel' },
  dana: { aadObjectId: '00000000-0000-0000-0000-000000000105', name: 'Dana Reid' },
  tom: { aadObjectId: '00000000-0000-0000-0000-000000000108', name: 'Tom Hughes' },
  jo: { aadObjectId: '00000000-0000-0000-0000-000000000103', name: 'Jo Okafor' },
  ravi: { aadObjectId: '00000000-0000-0000-0000-000000000106', name: 'Ravi Kumar' },
  chris: { aadObjectId: '00000000-0000-0000-0000-000000000104', name: 'Chris Evans' },
  maya: { aadObjectId: '00000000-0000-0000-0000-000000000109', name: 'Maya Clarke' },
  owen: { aadObjectId: '00000000-0000-0000-0000-000000000110', name: 'Owen Price' },
  stranger: { aadObjectId: '00000000-0000-0000-0000-0000000009ff', name: 'Robin Stranger' },
} as const;
export type PersonName = keyof typeof PEOPLE;

/** A logger that keeps its lines, so tests can check what was (and was not) logged. */
export function recordingLogger(): Logger & { lines: Array<{ level: string; event: string; fields?: Record<string, unknown> }> } {
  const lines: Array<{ level: string; event: string; fields?: Record<string, unknown> }> = [];
  return {
    lines,
    info: (event, fields) => lines.push({ level: 'info', event, fields }),
    warn: (event, fields) => lines.push({ level: 'warn', event, fields }),
    error: (event, fields) => lines.push({ level: 'error', event, fields }),
  };
}

/** Where a card was clicked: the person's chat, the Duty channel, or the Panel channel (locally the General channel). */
export type CardPlace = 'personal' | 'duty' | 'panel';

/** The conversation of a card click in each place; a personal chat keeps the person's own. */
const PLACES: Record<CardPlace, Partial<Activity>> = {
  personal: {},
  duty: {
    conversation: { id: '19:front-door-duty@thread.tacv2;messageid=1', conversationType: 'channel', tenantId: LOCAL_TENANT_ID, isGroup: true, name: '' },
    channelData: { tenant: { id: LOCAL_TENANT_ID }, team: { id: '19:isend-team@thread.tacv2' }, channel: { id: '19:front-door-duty@thread.tacv2' } },
  },
  panel: {
    conversation: { id: '19:isend-team@thread.tacv2;messageid=2', conversationType: 'channel', tenantId: LOCAL_TENANT_ID, isGroup: true, name: '' },
    channelData: { tenant: { id: LOCAL_TENANT_ID }, team: { id: '19:isend-team@thread.tacv2' }, channel: { id: '19:isend-team@thread.tacv2' } },
  },
};

export interface BotHarness {
  store: Store;
  logger: ReturnType<typeof recordingLogger>;
  /** A message in the person's personal chat; returns what the bot sent. */
  say(who: PersonName, text: string): Promise<Partial<Activity>[]>;
  /** An Action.Execute from a card; returns the card the bot answered with. */
  execute(who: PersonName, verb: string, data?: Record<string, unknown>): Promise<Record<string, unknown>>;
  /** An Action.Execute from a card in the Duty channel. */
  executeInChannel(who: PersonName, verb: string, data?: Record<string, unknown>): Promise<Record<string, unknown>>;
  /** An Action.Execute from a card in the Panel channel (locally the team's General channel). */
  executeInPanel(who: PersonName, verb: string, data?: Record<string, unknown>): Promise<Record<string, unknown>>;
  /** The bot being added to the person's personal chat. */
  install(who: PersonName): Promise<Partial<Activity>[]>;
  /** An Action.Execute with any data at all, from the person's chat or a channel; every reply, the invoke response included. */
  executeRaw(who: PersonName, verb: string, data: unknown, place?: CardPlace): Promise<Partial<Activity>[]>;
  /** Any other invoke (e.g. application/search) from the person's chat; every reply, the invoke response included. */
  invokeRaw(who: PersonName, name: string, value: unknown): Promise<Partial<Activity>[]>;
  /** Clicks a card button in the personal chat; resolves to the invoke response's body: a card, or a message shown beneath the card. */
  executeAnswer(who: PersonName, verb: string, data?: Record<string, unknown>): Promise<{ type: string; value: unknown }>;
  /** Closes the store if the harness opened it (a store passed in stays open, as across a restart). */
  close(): Promise<void>;
}

/** The real Teams AI application on botbuilder's TestAdapter, over a real SQLite store in memory. */
export async function startBotHarness(options: { clock?: Clock; store?: Store; ids?: Ids } = {}): Promise<BotHarness> {
  const ownStore = options.store === undefined;
  const store = options.store ?? (await openStore({ kind: 'sqlite', path: ':memory:' }));
  await importReferenceData(store, await loadReferenceData('data'));
  const logger = recordingLogger();
  const clock = options.clock ?? { now: () => new Date('2026-12-07T10:00:00Z') };
  let n = 0;
  const deps = { mode: 'local' as const, store, directory: storeDirectory(store), clock, ids: options.ids ?? { next: () => `id-${++n}` }, logger };
  const adapter = new TestAdapter();
  const app = createBotApp(deps, adapter);

  const run = async (activity: Partial<Activity>): Promise<Partial<Activity>[]> => {
    adapter.activeQueue.length = 0;
    await adapter.processActivity(activity, (context) => app.run(context).then(() => undefined));
    return adapter.activeQueue.splice(0);
  };
  const base = (who: PersonName): Partial<Activity> => ({
    channelId: 'msteams',
    serviceUrl: 'http://127.0.0.1:1/',
    from: { id: `29:${who}`, name: PEOPLE[who].name, aadObjectId: PEOPLE[who].aadObjectId },
    recipient: { id: '28:bot', name: 'SEND Front Door' },
    conversation: { id: `a:personal-${who}`, conversationType: 'personal', tenantId: LOCAL_TENANT_ID, isGroup: false, name: '' },
    channelData: { tenant: { id: LOCAL_TENANT_ID } },
  });

  return {
    store,
    logger,
    say: (who, text) => run({ ...base(who), type: 'message', text }),
    install: (who) => run({ ...base(who), type: 'conversationUpdate', membersAdded: [{ id: '28:bot', name: 'SEND Front Door' }] }),
    invokeRaw: (who, name, value) => run({ ...base(who), type: 'invoke', name, value }),
    executeRaw: (who, verb, data, place = 'personal') => run({ ...base(who), type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb, data } }, ...PLACES[place] }),
    executeAnswer: async (who, verb, data = {}) => {
      const replies = await run({ ...base(who), type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb, data } } });
      const body = (replies.find((a) => a.type === 'invokeResponse')?.value as { body?: { type?: unknown; value?: unknown } } | undefined)?.body;
      if (typeof body?.type !== 'string') throw new Error(`no answer came back for ${verb}: ${JSON.stringify(replies)}`);
      return { type: body.type, value: body.value };
    },
    execute: (who, verb, data = {}) => invoke({ ...base(who), type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb, data } } }, verb),
    executeInChannel: (who, verb, data = {}) =>
      invoke(
        {
          ...base(who),
          type: 'invoke',
          name: 'adaptiveCard/action',
          value: { action: { type: 'Action.Execute', verb, data } },
          conversation: { id: '19:front-door-duty@thread.tacv2;messageid=1', conversationType: 'channel', tenantId: LOCAL_TENANT_ID, isGroup: true, name: '' },
          channelData: { tenant: { id: LOCAL_TENANT_ID }, team: { id: '19:isend-team@thread.tacv2' }, channel: { id: '19:front-door-duty@thread.tacv2' } },
        },
        verb,
      ),
    executeInPanel: (who, verb, data = {}) =>
      invoke(
        {
          ...base(who),
          type: 'invoke',
          name: 'adaptiveCard/action',
          value: { action: { type: 'Action.Execute', verb, data } },
          conversation: { id: '19:isend-team@thread.tacv2;messageid=2', conversationType: 'channel', tenantId: LOCAL_TENANT_ID, isGroup: true, name: '' },
          channelData: { tenant: { id: LOCAL_TENANT_ID }, team: { id: '19:isend-team@thread.tacv2' }, channel: { id: '19:isend-team@thread.tacv2' } },
        },
        verb,
      ),
    close: async () => {
      if (ownStore) await store.close();
    },
  };

  async function invoke(activity: Partial<Activity>, verb: string): Promise<Record<string, unknown>> {
    const replies = await run(activity);
    const response = replies.find((a) => a.type === 'invokeResponse');
    const body = (response?.value as { body?: { value?: unknown } } | undefined)?.body;
    if (!body || typeof body.value !== 'object' || body.value === null) throw new Error(`no card came back for ${verb}: ${JSON.stringify(replies)}`);
    return body.value as Record<string, unknown>;
  }
}

/** All the text a card shows, for assertions a person would make by reading it. */
export function cardText(card: unknown): string {
  const texts: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if ((k === 'text' || k === 'title' || k === 'value' || k === 'label') && typeof v === 'string') texts.push(v);
        else walk(v);
      }
    }
  };
  walk(card);
  return texts.join('\n');
}

/** The titles of a card's buttons, in reading order (action sets in the body, then the card's own actions). */
export function buttonTitles(card: unknown): string[] {
  const titles: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const { type, title } = node as { type?: unknown; title?: unknown };
      if (typeof type === 'string' && type.startsWith('Action.') && typeof title === 'string') titles.push(title);
      const { body, actions, items, columns } = node as Record<string, unknown>;
      [body, items, columns, actions].forEach(walk);
    }
  };
  walk(card);
  return titles;
}

/** The first Adaptive Card among the bot's replies. */
export function firstCard(replies: Partial<Activity>[]): Record<string, unknown> {
  for (const reply of replies) {
    const attachment = reply.attachments?.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive');
    if (attachment) return attachment.content as Record<string, unknown>;
  }
  throw new Error(`no card in replies: ${JSON.stringify(replies.map((r) => r.type))}`);
}

/** A person's user key, as the bot stores it (tenant:aadObjectId). */
export function keyOf(who: PersonName): string {
  return userKey({ tenantId: LOCAL_TENANT_ID, aadObjectId: PEOPLE[who].aadObjectId });
}

/** The person sends a complete, valid request through the form; returns the receipt's reference. */
export async function sendRequest(bot: BotHarness, who: PersonName = 'priya'): Promise<string> {
  const first = JSON.stringify(await bot.execute(who, 'intakeStart', { channel: 'teams' }));
  const draftId = /"draftId":"([^"]+)"/.exec(first)?.[1];
  for (const step of FORM_STEPS) await bot.execute(who, 'intakeNext', { draftId, step, ...VALID_STEP_INPUTS[step] });
  const receipt = cardText(await bot.execute(who, 'intakeSubmit', { draftId }));
  const ref = /FD-\d{4}-\d{5}/.exec(receipt)?.[0];
  if (!ref) throw new Error(`no receipt: ${receipt}`);
  return ref;
}
