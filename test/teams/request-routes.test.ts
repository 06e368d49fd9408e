import { buttonTitles, cardText, firstCard, sendRequest, startBotHarness, type BotHarness } from '../support/bot-harness';
import { aCase } from '../store/mothers';

let bot: BotHarness;
beforeEach(async () => {
  bot = await startBotHarness();
});
afterEach(async () => {
  await bot.close();
});


describe('my requests', () => {
  it('lists the setting’s requests newest first, ten a card, with plain-words status', async () => {
    for (let i = 1; i <= 12; i++) {
      await bot.store.createCase(aCase({ ref: `FD-2026-${String(i).padStart(5, '0')}`, settingId: '900001', submittedAt: `2026-11-${String(i).padStart(2, '0')}T09:00:00.000Z` }));
    }
    await bot.store.createCase(aCase({ ref: 'FD-2026-00099', settingId: '900005' }));
    const page1 = await bot.execute('priya', 'myRequests');
    const text = cardText(page1);
    expect(text).toContain('Requests from Oakfield Primary School');
    expect(text).toContain('12 requests, newest first · page 1 of 2');
    expect(text.indexOf('FD-2026-00012')).toBeLessThan(text.indexOf('FD-2026-00003'));
    expect(text).not.toContain('FD-2026-00002');
    expect(text).not.toContain('FD-2026-00099');
    expect(text).toContain('Sent: waiting for a specialist to pick it up');
    expect(buttonTitles(page1)).toContain('Older');
    const page2 = cardText(await bot.execute('priya', 'myRequests', { page: '1' }));
    expect(page2).toContain('FD-2026-00002');
    expect(page2).toContain('FD-2026-00001');
  });

  it('opens a request with its timeline, and audits the view', async () => {
    const ref = await sendRequest(bot);
    const card = cardText(await bot.execute('priya', 'openRequest', { ref }));
    expect(card).toContain(`Request ${ref}`);
    expect(card).toContain('Request sent (Priya Shah)');
    expect(card).not.toContain('Details viewed');
    expect(await bot.store.listAudit(ref)).toContainEqual(expect.objectContaining({ action: 'case.viewed' }));
  });

  it('never shows another setting’s request, whatever is typed or sent', async () => {
    const ref = await sendRequest(bot);
    expect(cardText(await bot.execute('tom', 'openRequest', { ref }))).toContain('We could not find that request');
    expect(cardText(await bot.execute('tom', 'myRequests'))).not.toContain(ref);
    expect(cardText(await bot.execute('tom', 'confirmWithdraw', { ref, reason: 'mine now' }))).toContain('We could not find that request');
    expect((await bot.store.getCase(ref))?.value.status).toBe('submitted');
    expect(await bot.store.listAudit(ref)).not.toContainEqual(expect.objectContaining({ action: 'case.viewed' }));
  });

  it('answers "my requests" typed in the chat', async () => {
    await sendRequest(bot);
    expect(cardText(firstCard(await bot.say('priya', 'my requests')))).toContain('FD-2026-00001');
  });
});

describe('withdrawing a request', () => {
  it('asks for a reason, keeps the card when it is missing, then withdraws and tells the duty channel', async () => {
    const ref = await sendRequest(bot);
    const detail = await bot.execute('priya', 'openRequest', { ref });
    expect(buttonTitles(detail)).toContain('Withdraw this request');
    expect(cardText(await bot.execute('priya', 'confirmWithdraw', { ref, reason: '   ' }))).toContain('Tell us briefly why');
    expect((await bot.store.getCase(ref))?.value.status).toBe('submitted');

    const done = cardText(await bot.execute('priya', 'confirmWithdraw', { ref, reason: 'The family has moved to another authority.' }));
    expect(done).toContain(`Request ${ref} withdrawn`);
    expect((await bot.store.getCase(ref))?.value).toMatchObject({ status: 'withdrawn', withdrawal: { reason: 'The family has moved to another authority.' } });
    const update = (await bot.store.listOutbox('pending', 10)).find((i) => i.kind === 'card-update');
    expect(update).toMatchObject({ target: `alert:${ref}` });
    expect(JSON.stringify(update)).toContain('Withdrawn by the school');
    expect(JSON.stringify(update)).not.toContain('moved to another authority');
  });

  it('refuses to withdraw twice', async () => {
    const ref = await sendRequest(bot);
    await bot.execute('priya', 'confirmWithdraw', { ref, reason: 'No longer needed' });
    expect(cardText(await bot.execute('priya', 'confirmWithdraw', { ref, reason: 'Again' }))).toContain('already closed');
  });

  it('lets another member of staff at the same setting withdraw it', async () => {
    const ref = await sendRequest(bot);
    expect(cardText(await bot.execute('alex', 'confirmWithdraw', { ref, reason: 'Sent by mistake' }))).toContain('withdrawn');
  });
});
