import type { Activity } from 'botbuilder';
import { forgetDirectorySnapshots } from '../../src/app/directory';
import { REFERENCE_KINDS } from '../../src/app/reference-data/import-reference-data';
import { loadReferenceData } from '../../src/app/reference-data/load-reference-data';
import type { Setting } from '../../src/domain/reference';
import { openStore } from '../../src/store/open-store';
import { tokenOf } from '../../src/teams/admin-cards';
import { cardText, keyOf, startBotHarness, type BotHarness, type PersonName } from '../support/bot-harness';
import { switchableStore } from '../support/switchable-store';
import { VALID_STEP_INPUTS } from '../support/intake-answers';
import { manySettings } from './many-settings';

type SearchResult = { title: string; value: string };

/** The bot answering Teams' typeahead invoke (application/search) as the person types. */
function searcher(bot: BotHarness) {
  const send = (who: PersonName, value: unknown): Promise<Partial<Activity>[]> => bot.invokeRaw(who, 'application/search', value);
  /** The settings offered for what the person typed; fails unless the bot answered with a search response and nothing else. */
  const search = async (who: PersonName, queryText: unknown, queryOptions: unknown = { skip: 0, top: 15 }): Promise<SearchResult[]> => {
    const replies = await send(who, { queryText, queryOptions, dataset: 'settings' });
    expect(replies.map((r) => r.type)).toEqual(['invokeResponse']);
    const { status, body } = replies[0]?.value as { status: number; body: { type: string; value: { results: SearchResult[] } } };
    expect({ status, type: body.type }).toEqual({ status: 200, type: 'application/vnd.microsoft.search.searchResponse' });
    return body.value.results;
  };
  return { search, send, logger: bot.logger };
}

const titles = (results: SearchResult[]): string[] => results.map((r) => r.title);

let bot: BotHarness;
let switchable: ReturnType<typeof switchableStore>;
let local: Setting[];
beforeEach(async () => {
  switchable = switchableStore(await openStore({ kind: 'sqlite', path: ':memory:' }));
  bot = await startBotHarness({ store: switchable.store });
  // A real authority's number of settings: the 15 of data/ and 450 more.
  local = (await loadReferenceData('data')).settings;
  await switchable.store.replaceReference(REFERENCE_KINDS.setting, [...local, ...manySettings(450)]);
  forgetDirectorySnapshots(switchable.store);
});
afterEach(async () => {
  switchable.up();
  await switchable.store.close();
});

describe('typeahead search for a school or setting', () => {
  it('finds a school by part of its name for a front-door admin, best match first, at most 15', async () => {
    const { search } = searcher(bot);
    expect(titles(await search('alex', 'hartw')).slice(0, 6)).toEqual([
      'Hartwell Academy (120067)',
      'Hartwell Academy (900005)',
      'Hartwell Academy 2 (120172)',
      'Hartwell Academy 3 (120277)',
      'Hartwell Academy 4 (120382)',
      'Hartwell Church of England Voluntary Controlled Infant and Nursery School (120052)',
    ]);
    expect(titles(await search('alex', 'willowbr'))).toEqual(['Willowbrook School (900009)']);
    expect(await search('alex', 'hartw')).toHaveLength(15);
    expect(titles(await search('alex', 'Kingsmead School'))[0]).toBe('Kingsmead School (900006)');
    expect(titles(await search('alex', 'pupil referral'))).toEqual(['The Bridge Pupil Referral Unit (900010)']);
  });

  it('matches whatever the case, apostrophes and the order of the words typed', async () => {
    const { search } = searcher(bot);
    expect(titles(await search('alex', 'ST AIDANS'))).toEqual(["St Aidan's Church of England Primary School (900002)"]);
    expect(titles(await search('alex', 'primary aidan'))).toEqual(["St Aidan's Church of England Primary School (900002)"]);
    expect(titles(await search('alex', 'sunflower'))).toEqual(['Sunflower Pre-School, Hartwell (EY234567)']);
  });

  it('finds a setting by its URN or early-years provider id, the exact one first', async () => {
    const { search } = searcher(bot);
    expect(await search('alex', '900005')).toEqual([{ title: 'Hartwell Academy (900005)', value: '900005' }]);
    expect(await search('alex', ' ey234567 ')).toEqual([{ title: 'Sunflower Pre-School, Hartwell (EY234567)', value: 'EY234567' }]);
    expect(titles(await search('alex', '12006')).slice(0, 3)).toEqual(['Ashgrove Academy (120060)', 'Brookside Academy (120061)', 'Castlefield Academy (120062)']);
  });

  it('pages on when Teams asks for more, and never gives more than 15 at once', async () => {
    const { search } = searcher(bot);
    const first = await search('alex', 'primary', { skip: 0, top: 50 });
    const next = await search('alex', 'primary', { skip: 15, top: 15 });
    expect(first).toHaveLength(15);
    expect(next).toHaveLength(15);
    expect(next.filter((r) => first.some((f) => f.value === r.value))).toEqual([]);
  });

  it('gives nothing to anyone who may not choose a setting: setting staff, duty staff, strangers', async () => {
    const { search } = searcher(bot);
    for (const who of ['priya', 'sam', 'dana', 'stranger'] as const) expect({ who, results: await search(who, 'hartwell') }).toEqual({ who, results: [] });
  });

  it('answers an empty, silly or forged query with nothing, and a 500-character one at once', async () => {
    const { search } = searcher(bot);
    for (const query of ['', '   ', '!!!', '%', "'", 'zzzzqqqx', '${name}', '.*', 42, null, { $gt: '' }]) expect({ query, results: await search('alex', query) }).toEqual({ query, results: [] });
    const started = process.hrtime.bigint();
    expect(await search('alex', 'x'.repeat(500))).toEqual([]);
    expect(titles(await search('alex', 'willowbrook'.padEnd(500, ' ')))).toEqual(['Willowbrook School (900009)']);
    expect(await search('alex', 'Hartwell '.repeat(56).slice(0, 500))).toHaveLength(15);
    expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(2000);
    expect(await search('alex', 'hartwell', { skip: -5, top: 'all' })).toHaveLength(15);
  });

  it('gives an empty list, not an error card, while the store is down, and logs no query', async () => {
    const { search, logger } = searcher(bot);
    switchable.down();
    expect(await search('alex', 'hartwell')).toEqual([]);
    expect(logger.lines).toContainEqual(expect.objectContaining({ level: 'error', event: 'turn.failed', fields: expect.objectContaining({ name: 'application/search' }) }));
    expect(JSON.stringify(logger.lines)).not.toContain('hartwell');
    switchable.up();
    expect(titles(await search('alex', 'willowbrook'))).toEqual(['Willowbrook School (900009)']);
  });

  it('ignores a search of another dataset', async () => {
    const { send } = searcher(bot);
    const replies = await send('alex', { queryText: 'hartwell', dataset: 'people' });
    expect(JSON.stringify(replies)).not.toContain('Hartwell');
  });
});

describe('choosing a school from hundreds in the forms', () => {
  it('lets a front-door admin log a phone request for a school found by typing, and keeps it shown when the card comes back', async () => {
    const { search } = searcher(bot);
    const first = await bot.execute('alex', 'intakeStart', { channel: 'phone' });
    expect(Buffer.byteLength(JSON.stringify(first))).toBeLessThan(24 * 1024);
    expect(JSON.stringify(first)).toContain('"choices.data":{"type":"Data.Query","dataset":"settings"}');
    expect(JSON.stringify(first)).not.toContain('Oakfield Primary School');
    const draftId = /"draftId":"([^"]+)"/.exec(JSON.stringify(first))?.[1];

    const [found] = await search('alex', 'st mary');
    expect(found?.title).toBe("St Mary's Catholic Primary School, Northgate (900003)");
    const pupilStep = await bot.execute('alex', 'intakeNext', { draftId, step: 'requester', ...VALID_STEP_INPUTS.requester, settingId: found?.value });
    expect(cardText(pupilStep)).toContain('Step 2 of 7');

    const back = await bot.execute('alex', 'intakeBack', { draftId, step: 'pupil' });
    expect(JSON.stringify(back)).toContain('"choices":[{"title":"St Mary\'s Catholic Primary School, Northgate (900003)","value":"900003"}]');
    expect(JSON.stringify(back)).toContain('"value":"900003"');
  });

  it('names a forged setting id as a problem, keeps the other answers and saves nothing', async () => {
    const first = await bot.execute('alex', 'intakeStart', { channel: 'phone' });
    const draftId = /"draftId":"([^"]+)"/.exec(JSON.stringify(first))?.[1];
    const card = await bot.execute('alex', 'intakeNext', { draftId, step: 'requester', ...VALID_STEP_INPUTS.requester, settingId: '999999' });
    expect(cardText(card)).toContain('We do not recognise that school or setting');
    expect(cardText(card)).toContain('Step 1 of 7');
    expect(JSON.stringify(card)).toContain(`"value":"${String(VALID_STEP_INPUTS.requester.requesterName)}"`);
    expect((await bot.store.getDraft(String(draftId)))?.value.step).toBe('requester');
  });

  it('offers the setting an access request names, finds others by typing, and approves with the one found', async () => {
    const { search } = searcher(bot);
    await bot.execute('stranger', 'requestAccess', { settingName: 'Hartwell Academy', jobRole: 'Teaching assistant' });
    const card = await bot.execute('alex', 'accessRequests');
    const text = JSON.stringify(card);
    expect(Buffer.byteLength(text)).toBeLessThan(24 * 1024);
    expect(text).toContain('"choices.data":{"type":"Data.Query","dataset":"settings"}');
    expect(cardText(card)).toContain('Hartwell Academy (900005)');
    expect(cardText(card)).not.toContain('Oakfield Primary School');

    const [found] = await search('alex', 'willowbr');
    expect(found?.value).toBe('900009');
    const token = tokenOf(keyOf('stranger'));
    const approved = await bot.execute('alex', 'approveAccess', { userKey: keyOf('stranger'), [`setting_${token}`]: found?.value });
    expect(cardText(approved)).toContain('Robin Stranger can now use the bot as staff of Willowbrook School');
  });

  it('keeps a forged setting id off an approval, with a clear problem and the reason typed kept', async () => {
    await bot.execute('stranger', 'requestAccess', { settingName: 'Hartwell Academy', jobRole: 'Teaching assistant' });
    const token = tokenOf(keyOf('stranger'));
    const card = await bot.execute('alex', 'approveAccess', { userKey: keyOf('stranger'), [`setting_${token}`]: 'NOT-A-SETTING', [`reason_${token}`]: 'typed first' });
    expect(cardText(card)).toContain('Nothing was changed');
    expect(JSON.stringify(card)).toContain('"value":"typed first"');
    expect(await bot.store.listAccessRequests('pending')).toHaveLength(1);
  });
});
