import type { Store } from '../../src/ports/store';
import { openStore } from '../../src/store/open-store';
import { cardText, startBotHarness, type BotHarness } from '../support/bot-harness';
import { VALID_STEP_INPUTS } from '../support/intake-answers';
import { switchableStore } from '../support/switchable-store';

let bot: BotHarness;
let real: Store;
let outage: ReturnType<typeof switchableStore>;
beforeEach(async () => {
  real = await openStore({ kind: 'sqlite', path: ':memory:' });
  outage = switchableStore(real);
  bot = await startBotHarness({ store: outage.store });
});
afterEach(async () => {
  await bot.close();
  await real.close();
});

describe('when the store cannot be reached', () => {
  it('says "try again in a minute", keeps the answers on the card, writes nothing, and carries on when it is back', async () => {
    const first = JSON.stringify(await bot.execute('priya', 'requestSupport'));
    const draftId = /"draftId":"([^"]+)"/.exec(first)?.[1] ?? '';
    const before = await real.getDraft(draftId);

    outage.down();
    const card = await bot.execute('priya', 'intakeNext', { draftId, step: 'requester', ...VALID_STEP_INPUTS.requester, requesterPhone: '01632 960999' });
    expect(cardText(card)).toContain('We could not save that');
    expect(cardText(card)).toContain('Step 1 of 7');
    expect(JSON.stringify(card)).toContain('"value":"01632 960999"');
    expect(JSON.stringify(card)).toContain(`"draftId":"${draftId}"`);

    outage.up();
    expect(await real.getDraft(draftId)).toEqual(before);
    const next = await bot.execute('priya', 'intakeNext', { draftId, step: 'requester', ...VALID_STEP_INPUTS.requester, requesterPhone: '01632 960999' });
    expect(cardText(next)).toContain('Step 2 of 7');
  });

  it('answers any other card action with the same plain words beneath the card, leaving the card and what was typed in it', async () => {
    outage.down();
    expect(await bot.executeAnswer('priya', 'myRequests')).toEqual({
      type: 'application/vnd.microsoft.activity.message',
      value: 'We could not save that. Please try again in a minute. Nothing was changed, and what you typed is still on this card.',
    });
  });

  it('answers a failure of any other kind with "something went wrong", also beneath the card', async () => {
    const broken: Store = Object.assign(Object.create(real) as Store, { listCasesBySetting: () => Promise.reject(new TypeError('a bug')) });
    const other = await startBotHarness({ store: broken });
    try {
      expect(await other.executeAnswer('priya', 'myRequests')).toEqual({
        type: 'application/vnd.microsoft.activity.message',
        value: 'Something went wrong on our side. Please try again. If it keeps happening, phone the front door.',
      });
      expect(JSON.stringify(other.logger.lines)).toContain('turn.failed');
    } finally {
      await other.close();
    }
  });
});
