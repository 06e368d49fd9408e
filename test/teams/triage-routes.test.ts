import { LOCAL_TENANT_ID } from '../../src/config';
import { buttonTitles, cardText, keyOf, PEOPLE, sendRequest, startBotHarness, type BotHarness } from '../support/bot-harness';
import { aCase } from '../store/mothers';

let bot: BotHarness;
beforeEach(async () => {
  bot = await startBotHarness();
});
afterEach(async () => {
  await bot.close();
});



async function claimedBySam(): Promise<string> {
  const ref = await sendRequest(bot);
  await bot.executeInChannel('sam', 'claimCase', { ref });
  return ref;
}

async function outboxTo(target: string) {
  return (await bot.store.listOutbox('pending', 100)).filter((i) => i.target === target);
}

describe('the duty alert and claiming', () => {
  it('posts the alert to the Duty channel mentioning who is on duty, with no pupil details', async () => {
    await sendRequest(bot);
    const [alert] = await outboxTo('19:front-door-duty@thread.tacv2');
    const text = JSON.stringify(alert?.payload);
    expect(text).toContain('New request FD-2026-00001');
    expect(text).toContain('Oakfield Primary School');
    expect(text).toMatch(/On duty now: <at>[^<]+<\/at>/);
    expect(text).toContain('"type":"mention"');
    for (const secret of ['J.S.', '05/2018', 'spoken instructions', 'priya.shah']) expect(text).not.toContain(secret);
  });

  it('lets one duty professional claim it, updates the card for everyone, and sends the full request privately', async () => {
    const ref = await sendRequest(bot);
    const card = await bot.executeInChannel('sam', 'claimCase', { ref });
    expect(cardText(card)).toMatch(/Claimed by Sam Patel at \d\d:\d\d/);
    expect(buttonTitles(card)).not.toContain('Claim');
    expect((await bot.store.getCase(ref))?.value).toMatchObject({ status: 'claimed', claimantKey: keyOf('sam') });
    expect(JSON.stringify(await outboxTo(`alert:${ref}`))).toContain('Claimed by Sam Patel');
    const [full] = await outboxTo(keyOf('sam'));
    expect(JSON.stringify(full?.payload)).toContain('JS, Y3, born 2018-05');
    expect(JSON.stringify(await outboxTo(keyOf('priya')))).toContain('Sam Patel from the front door duty team has picked up your request');
    expect(await bot.store.listAudit(ref)).toContainEqual(expect.objectContaining({ action: 'case.viewed', actorKey: keyOf('sam') }));
  });

  it('tells whoever comes second who has it, and changes nothing', async () => {
    const ref = await claimedBySam();
    const card = await bot.executeInChannel('ravi', 'claimCase', { ref });
    expect(cardText(card)).toContain('Claimed by Sam Patel');
    expect((await bot.store.getCase(ref))?.value.claimantKey).toBe(keyOf('sam'));
  });

  it('refuses a claim from someone who is not on the duty team', async () => {
    const ref = await sendRequest(bot);
    expect(cardText(await bot.executeInChannel('priya', 'claimCase', { ref }))).toContain('Not available to you');
    expect((await bot.store.getCase(ref))?.value.status).toBe('submitted');
  });
});

describe('telling the school', () => {
  it('tells the other staff of the setting when the requester has gone', async () => {
    await bot.say('priya', 'hi');
    await bot.say('alex', 'hi');
    const gone = `${LOCAL_TENANT_ID}:00000000-0000-0000-0000-0000000009aa`;
    await bot.store.createCase(aCase({ ref: 'FD-2026-00042', settingId: '900001', requesterKey: gone }));
    await bot.executeInChannel('sam', 'claimCase', { ref: 'FD-2026-00042' });
    const told = (await bot.store.listOutbox('pending', 100)).filter((i) => JSON.stringify(i.payload).includes('has picked up your request')).map((i) => i.target);
    expect(told.sort()).toEqual([keyOf('alex'), keyOf('priya')].sort());
  });
});

describe('triage', () => {
  it('refuses forged decisions from the school and from a colleague who is not the claimant', async () => {
    const ref = await claimedBySam();
    const before = await bot.store.getCase(ref);
    expect(cardText(await bot.execute('priya', 'triageAdvise', { ref, message: 'Close it' }))).toContain('someone else’s');
    expect(cardText(await bot.execute('ravi', 'triageRoute', { ref, services: 'educational-psychology', message: 'Mine' }))).toContain('someone else’s');
    expect(await bot.store.getCase(ref)).toEqual(before);
  });

  it('routes to a chosen service, naming problems first and keeping what was typed', async () => {
    const ref = await claimedBySam();
    const noService = await bot.execute('sam', 'triageRoute', { ref, services: '', message: 'Please contact the service.' });
    expect(cardText(noService)).toContain('Choose at least one service');
    expect(JSON.stringify(noService)).toContain('Please contact the service.');
    expect(cardText(await bot.execute('sam', 'triageRoute', { ref, services: 'no-such-service', message: 'x' }))).toContain('Choose services from the list');
    const services = (await bot.store.listReference('service')).map((s) => String(s.id));
    const done = await bot.execute('sam', 'triageRoute', { ref, services: services[0], message: 'They will call you this week.' });
    expect(cardText(done)).toContain('Routed to a service by Sam Patel');
    expect((await bot.store.getCase(ref))?.value).toMatchObject({ status: 'routed', routedTo: [services[0]] });
    expect(JSON.stringify(await outboxTo(keyOf('priya')))).toContain('They will call you this week.');
  });

  it('asks the school, pauses, and resumes when the school answers', async () => {
    const ref = await claimedBySam();
    await bot.execute('sam', 'triageAsk', { ref, message: 'What happens at lunchtime?' });
    expect((await bot.store.getCase(ref))?.value).toMatchObject({ status: 'awaiting-school' });
    expect(JSON.stringify(await outboxTo(keyOf('priya')))).toContain('What happens at lunchtime?');
    expect(cardText(await bot.execute('priya', 'schoolReply', { ref, answer: '' }))).toContain('Write your answer');
    const thanks = await bot.execute('priya', 'schoolReply', { ref, answer: 'She eats alone in the library.' });
    expect(cardText(thanks)).toContain('Sam Patel has your answer');
    expect((await bot.store.getCase(ref))?.value).toMatchObject({ status: 'claimed', pausedSince: null });
    expect(JSON.stringify(await outboxTo(keyOf('sam')))).toContain('the school has answered');
  });

  it('shows and sends text exactly as typed, even when it looks like a template', async () => {
    const ref = await claimedBySam();
    const card = await bot.execute('sam', 'triageAsk', { ref, message: 'Does the ${5} reading scheme help?' });
    expect(cardText(card)).toContain('Does the ${5} reading scheme help?');
    expect(JSON.stringify(await outboxTo(keyOf('priya')))).toContain('Does the ${5} reading scheme help?');
  });

  it('gives advice and closes, telling the school', async () => {
    const ref = await claimedBySam();
    await bot.execute('sam', 'triageAdvise', { ref, message: 'Try a visual timetable.' });
    expect((await bot.store.getCase(ref))?.value.status).toBe('advised');
    expect(JSON.stringify(await outboxTo(keyOf('priya')))).toContain('Try a visual timetable.');
  });

  it('escalates to the panel with a summary and a proposed package, queueing the panel post', async () => {
    const ref = await claimedBySam();
    expect(cardText(await bot.execute('sam', 'triageEscalate', { ref, summary: 'Needs several services.', proposedPackage: '' }))).toContain('Propose a package');
    await bot.execute('sam', 'triageEscalate', { ref, summary: 'Needs several services.', proposedPackage: 'EP assessment and SALT.' });
    expect((await bot.store.getCase(ref))?.value).toMatchObject({ status: 'panel', panelDue: '2026-12-21' });
    const [post] = await outboxTo('19:isend-team@thread.tacv2');
    expect(JSON.stringify(post?.payload)).toContain('EP assessment and SALT.');
    expect(JSON.stringify(post?.payload)).not.toContain('J.S.');
  });

  it('releases back to the duty team, and the channel card can be claimed again', async () => {
    const ref = await claimedBySam();
    await bot.execute('sam', 'triageRelease', { ref });
    expect((await bot.store.getCase(ref))?.value).toMatchObject({ status: 'submitted', claimantKey: null });
    const updates = await outboxTo(`alert:${ref}`);
    expect(JSON.stringify(updates[updates.length - 1]?.payload)).toContain('"title":"Claim"');
  });

  it('hands over to another duty professional, and a duty manager may act on anyone’s case', async () => {
    const ref = await claimedBySam();
    await bot.execute('sam', 'triageReassign', { ref, reassignTo: PEOPLE.ravi.aadObjectId });
    expect((await bot.store.getCase(ref))?.value.claimantKey).toBe(keyOf('ravi'));
    expect(JSON.stringify(await outboxTo(keyOf('ravi')))).toContain('Sam Patel handed this case to you');
    await bot.execute('jo', 'triageAdvise', { ref, message: 'Closing as the duty manager.' });
    expect((await bot.store.getCase(ref))?.value.status).toBe('advised');
  });

  it('lists my queue soonest due first', async () => {
    await claimedBySam();
    const queue = cardText(await bot.execute('sam', 'myQueue'));
    expect(queue).toContain('FD-2026-00001');
    expect(queue).toContain('1 open request');
    expect(cardText(await bot.execute('ravi', 'myQueue'))).toContain('Nothing in your queue');
  });
});
