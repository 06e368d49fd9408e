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

  it('answers any other card action with the same plain words instead of an error', async () => {
    outage.down();
    expect(cardText(await bot.execute('priya', 'myRequests'))).toContain('We could not save that');
  });
});
