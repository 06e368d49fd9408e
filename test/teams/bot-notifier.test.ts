import { createServer } from 'node:net';
import { TestAdapter, TurnContext, type Activity } from 'botbuilder';
import { LOCAL_TENANT_ID } from '../../src/config';
import type { Notification, Notifier } from '../../src/ports/notifier';
import type { Store } from '../../src/ports/store';
import { openStore } from '../../src/store/open-store';
import { createTeamsAdapter } from '../../src/teams/adapter';
import { botNotifier, MAY_REPEAT_NOTE, rememberChannelConversation } from '../../src/teams/bot-notifier';
import { startFakeConnector, type FakeConnector } from '../support/fake-connector';
import { manualClock } from '../app/outbox/support/manual-clock';

const DUTY_CHANNEL = '19:front-door-duty@thread.tacv2';
const SENCO = `${LOCAL_TENANT_ID}:00000000-0000-0000-0000-000000000101`;
const card = (text: string) => ({ type: 'AdaptiveCard' as const, version: '1.5', body: [{ type: 'TextBlock', text }] });
const base = { id: 'item-1', caseRef: 'FD-2026-00042', createdAt: '2026-12-07T10:00:00.000Z', mayRepeat: false };

let connector: FakeConnector;
let store: Store;
let notifier: Notifier;
const clock = manualClock();

const personalReference = (serviceUrl: string) => ({
  serviceUrl,
  channelId: 'msteams',
  conversation: { id: 'a:personal-priya', conversationType: 'personal', tenantId: LOCAL_TENANT_ID },
  bot: { id: '28:bot', name: 'SEND Front Door' },
  user: { id: '29:priya', name: 'Priya Shah' },
});

/** A channel message as Teams sends it: in a thread of the channel, with team and channel in channelData. */
const channelActivity = (serviceUrl: string): Partial<Activity> => ({
  type: 'message',
  channelId: 'msteams',
  serviceUrl,
  id: '1700000000000',
  from: { id: '29:sam', name: 'Sam Patel', aadObjectId: '00000000-0000-0000-0000-000000000102' },
  recipient: { id: '28:bot', name: 'SEND Front Door' },
  conversation: { id: `${DUTY_CHANNEL};messageid=1699999999999`, conversationType: 'channel', isGroup: true, tenantId: LOCAL_TENANT_ID, name: '' },
  channelData: { tenant: { id: LOCAL_TENANT_ID }, team: { id: '19:team@thread.tacv2' }, channel: { id: DUTY_CHANNEL } },
});

const rememberChannel = (serviceUrl: string) =>
  rememberChannelConversation(new TurnContext(new TestAdapter(), channelActivity(serviceUrl)), store, clock);

beforeEach(async () => {
  connector = await startFakeConnector({ clock });
  store = await openStore({ kind: 'sqlite', path: ':memory:' });
  await store.saveConversation({ key: SENCO, reference: personalReference(connector.url), updatedAt: clock.now().toISOString() });
  notifier = botNotifier({ adapter: createTeamsAdapter({ kind: 'anonymous' }), appId: '', store, clock });
});
afterEach(async () => {
  await connector.close();
  await store.close();
});

describe('bot notifier (proactive sends through the Bot Connector)', () => {
  it("sends a personal message with its card into the person's chat", async () => {
    const outcome = await notifier.send({ ...base, kind: 'personal-message', target: SENCO, card: card('Your request was claimed'), text: 'Update on FD-2026-00042' });
    expect(outcome).toEqual({ ok: true });
    expect(connector.received).toHaveLength(1);
    const { conversationId, activity } = connector.received[0]!;
    expect(conversationId).toBe('a:personal-priya');
    expect(activity).toMatchObject({ type: 'message', text: 'Update on FD-2026-00042' });
    expect(activity.attachments).toEqual([{ contentType: 'application/vnd.microsoft.card.adaptive', content: card('Your request was claimed') }]);
  });

  it('posts in a channel it has seen, then updates that post and replies in its thread', async () => {
    expect(await rememberChannel(connector.url)).toBe(DUTY_CHANNEL);
    const post: Notification = { ...base, kind: 'channel-post', target: DUTY_CHANNEL, card: card('New request FD-2026-00042'), alertKey: 'alert:FD-2026-00042' };
    expect(await notifier.send(post)).toEqual({ ok: true });
    const create = connector.calls[0]!;
    expect(create).toMatchObject({ operation: 'create', conversationId: DUTY_CHANNEL, status: 200 });
    expect(create.activity.attachments).toEqual([{ contentType: 'application/vnd.microsoft.card.adaptive', content: card('New request FD-2026-00042') }]);
    const saved = await store.getConversation('alert:FD-2026-00042');
    expect(saved?.reference).toMatchObject({ conversation: { id: `${DUTY_CHANNEL};messageid=1` }, activityId: '1' });

    expect(await notifier.send({ ...base, kind: 'card-update', target: 'alert:FD-2026-00042', card: card('Claimed by Sam Patel at 10:04') })).toEqual({ ok: true });
    expect(connector.calls[1]).toMatchObject({ operation: 'update', conversationId: `${DUTY_CHANNEL};messageid=1`, status: 200 });
    expect(connector.calls[1]!.activity).toMatchObject({ id: '1', attachments: [{ content: card('Claimed by Sam Patel at 10:04') }] });

    expect(await notifier.send({ ...base, kind: 'thread-reply', target: 'alert:FD-2026-00042', text: 'Routed to Educational Psychology' })).toEqual({ ok: true });
    expect(connector.received.at(-1)).toMatchObject({ conversationId: `${DUTY_CHANNEL};messageid=1`, activity: { text: 'Routed to Educational Psychology' } });
  });

  it('says a message may be a repeat when an earlier attempt died mid-send, and only then', async () => {
    await rememberChannel(connector.url);
    await notifier.send({ ...base, kind: 'personal-message', target: SENCO, card: card('Your request was claimed'), text: 'Update on FD-2026-00042', mayRepeat: true });
    await notifier.send({ ...base, kind: 'channel-post', target: DUTY_CHANNEL, card: card('New request FD-2026-00042'), mayRepeat: true });
    await notifier.send({ ...base, kind: 'personal-message', target: SENCO, card: card('Your request was routed') });
    expect(connector.calls.map((c) => c.activity.text)).toEqual([`Update on FD-2026-00042\n\n${MAY_REPEAT_NOTE}`, MAY_REPEAT_NOTE, undefined]);
    expect(connector.calls[1]!.activity.attachments).toEqual([{ contentType: 'application/vnd.microsoft.card.adaptive', content: card('New request FD-2026-00042') }]);
  });

  it('never lets a retried older card update overwrite a newer one', async () => {
    await rememberChannel(connector.url);
    await notifier.send({ ...base, kind: 'channel-post', target: DUTY_CHANNEL, card: card('New request'), alertKey: 'alert:FD-2026-00042' });
    const claimed = { ...base, id: 'claimed', kind: 'card-update' as const, target: 'alert:FD-2026-00042', card: card('Claimed by Sam Patel'), createdAt: '2026-12-07T10:04:00.000Z' };
    const routed = { ...base, id: 'routed', kind: 'card-update' as const, target: 'alert:FD-2026-00042', card: card('Routed to Educational Psychology'), createdAt: '2026-12-07T10:09:00.000Z' };
    connector.failNext({ status: 500 });
    expect((await notifier.send(claimed)).ok).toBe(false);
    expect(await notifier.send(routed)).toEqual({ ok: true });
    // The claim's retry comes after the routing: it is done already, the card keeps saying "Routed".
    expect(await notifier.send(claimed)).toEqual({ ok: true });
    const updates = connector.calls.filter((c) => c.operation === 'update' && c.status === 200);
    expect(updates.map((u) => JSON.stringify(u.activity))).toEqual([expect.stringContaining('Routed to Educational Psychology')]);
  });

  it("orders updates by the case's revision, not by clocks: an instance with a slow clock cannot bring back an older card", async () => {
    await rememberChannel(connector.url);
    await notifier.send({ ...base, kind: 'channel-post', target: DUTY_CHANNEL, card: card('New request'), alertKey: 'alert:FD-2026-00042' });
    const routed = { ...base, id: 'routed', kind: 'card-update' as const, target: 'alert:FD-2026-00042', card: card('Routed'), order: 3, createdAt: '2026-12-07T10:04:00.000Z' };
    const claimed = { ...base, id: 'claimed', kind: 'card-update' as const, target: 'alert:FD-2026-00042', card: card('Claimed'), order: 2, createdAt: '2026-12-07T10:04:00.050Z' };
    expect(await notifier.send(routed)).toEqual({ ok: true });
    expect(await notifier.send(claimed)).toEqual({ ok: true });
    expect(await notifier.send(routed)).toEqual({ ok: true }); // the same revision again: nothing to change
    const updates = connector.calls.filter((c) => c.operation === 'update' && c.status === 200);
    expect(updates.map((u) => JSON.stringify(u.activity))).toEqual([expect.stringContaining('Routed')]);
  });

  it('keeps the channel under its own id, not the thread the message came in', async () => {
    await rememberChannel(connector.url);
    const saved = await store.getConversation(DUTY_CHANNEL);
    expect(saved?.reference).toMatchObject({ conversation: { id: DUTY_CHANNEL, conversationType: 'channel' }, serviceUrl: connector.url });
    expect(saved?.reference).not.toHaveProperty('activityId');
    expect(await rememberChannelConversation(new TurnContext(new TestAdapter(), { ...channelActivity(connector.url), conversation: { id: 'a:personal', conversationType: 'personal', isGroup: false, name: '' }, channelData: {} }), store, clock)).toBeUndefined();
  });

  it('turns a 429 into a retry at the Retry-After, making one call only (no retries inside the SDK)', async () => {
    connector.failNext({ status: 429, retryAfterSeconds: 7 });
    const outcome = await notifier.send({ ...base, kind: 'personal-message', target: SENCO, card: card('x') });
    expect(outcome).toEqual({ ok: false, reason: 'http-429:Throttled', retryAfterMs: 7_000 });
    expect(connector.calls).toHaveLength(1);
    expect(connector.received).toHaveLength(0);
  });

  it('turns a 500 into a retry and a 404 into a permanent failure, one call each', async () => {
    connector.failNext({ status: 500 }, { status: 404 });
    const post = { ...base, kind: 'personal-message' as const, target: SENCO, card: card('x') };
    expect(await notifier.send(post)).toEqual({ ok: false, reason: 'http-500:ServiceError' });
    expect(await notifier.send(post)).toEqual({ ok: false, reason: 'http-404:ConversationNotFound', permanent: true });
    expect(connector.calls.map((c) => c.status)).toEqual([500, 404]);
  });

  it('turns an unreachable connector into a retry', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as { port: number };
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await store.saveConversation({ key: SENCO, reference: personalReference(`http://127.0.0.1:${port}/`), updatedAt: clock.now().toISOString() });
    const outcome = await notifier.send({ ...base, kind: 'personal-message', target: SENCO, card: card('x') });
    expect(outcome).toMatchObject({ ok: false, reason: expect.stringMatching(/^network:/) });
    expect(outcome).not.toHaveProperty('permanent');
  });

  it('fails permanently for someone who never talked to the bot, and waits for an alert not yet posted', async () => {
    expect(await notifier.send({ ...base, kind: 'personal-message', target: 'tenant:nobody', card: card('x') })).toEqual({ ok: false, reason: 'no-conversation-reference', permanent: true });
    expect(await notifier.send({ ...base, kind: 'channel-post', target: '19:unknown@thread.tacv2', card: card('x') })).toEqual({ ok: false, reason: 'no-channel-reference', permanent: true });
    expect(await notifier.send({ ...base, kind: 'card-update', target: 'alert:FD-2026-00099', card: card('x') })).toEqual({ ok: false, reason: 'alert-not-posted' });
    await store.saveConversation({ key: 'tenant:broken', reference: { serviceUrl: 'not a url' }, updatedAt: clock.now().toISOString() });
    expect(await notifier.send({ ...base, kind: 'personal-message', target: 'tenant:broken', card: card('x') })).toEqual({ ok: false, reason: 'invalid-conversation-reference', permanent: true });
    expect(connector.calls).toHaveLength(0);
  });
});
