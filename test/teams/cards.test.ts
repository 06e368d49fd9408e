import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadReferenceData } from '../../src/app/reference-data/load-reference-data';
import type { IntakeStepId } from '../../src/domain/intake';
import type { Person, ReferenceData } from '../../src/domain/reference';
import type { Draft } from '../../src/ports/store';
import { requestStartCard, safeguardingCard, stepCard } from '../../src/teams/intake-cards';
import { notificationCards } from '../../src/teams/notification-cards';
import { renderCard } from '../../src/teams/render-card';
import { VALID_STEP_INPUTS } from '../support/intake-answers';
import { storedRequestSchema } from '../../src/domain/intake';
import { aCase } from '../store/mothers';
import { aPanelAgendaView, aPanelPostView } from '../app/panel/panel-mothers';

const VALID_ANSWERS_AS_STORED = storedRequestSchema.parse({ settingId: '900001', ...Object.assign({}, ...Object.values(VALID_STEP_INPUTS)) });
import { helpCard, noticeCard, unknownUserCard, welcomeCard } from '../../src/teams/cards';
import type { CardName } from '../../src/teams/render-card';
import { VERBS } from '../../src/teams/verbs';
import { cardProblems } from '../support/adaptive-card-check';
import { buttonTitles, cardText } from '../support/bot-harness';
import { insightAndStatusCards } from './insight-card-samples';
import { adminCardSamples } from './admin-card-samples';

let data: ReferenceData;
beforeAll(async () => {
  data = await loadReferenceData('data');
});

function person(id: string) {
  const found = data.people.find((p) => p.id === id);
  if (!found) throw new Error(`no ${id} in data/`);
  return found;
}

/** One rendering of every template, with realistic data. */
function everyCard(): Record<CardName, unknown> {
  const alex = person('00000000-0000-0000-0000-000000000100');
  return {
    welcome: welcomeCard(alex, data.frontDoor),
    help: helpCard(alex, data.frontDoor),
    'unknown-user': unknownUserCard(data.frontDoor, { settingName: 'Oakfield', jobRole: '' }, { jobRole: 'Enter your role' }),
    notice: noticeCard('Title', 'Text'),
    ...formCards(alex),
  };
}

/** Every card of the request form, for a draft with every answer given and one problem shown. */
function formCards(alex: Person): Pick<Record<CardName, unknown>, Exclude<CardName, 'welcome' | 'help' | 'unknown-user' | 'notice'>> {
  const answers = Object.assign({ settingId: '900001', $channel: 'teams' }, ...Object.values(VALID_STEP_INPUTS)) as Record<string, unknown>;
  const draft: Draft = { id: 'draft-1', ownerKey: 'k', step: 'pupil', answers, createdAt: '2026-12-07T10:00:00Z', updatedAt: '2026-12-07T10:00:00Z' };
  const step = (s: IntakeStepId) => stepCard({ kind: 'step', draft, step: s, errors: { initials: 'Enter the pupil’s initials' } }, { settings: data.settings });
  return {
    'intake-requester': step('requester'),
    'intake-pupil': step('pupil'),
    'intake-need': step('need'),
    'intake-concern': step('concern'),
    'intake-help': step('help'),
    'intake-consent': step('consent'),
    'intake-review': step('review'),
    safeguarding: safeguardingCard('draft-1', data.frontDoor),
    receipt: renderCard('receipt', { ref: 'FD-2026-00001', dueInWords: 'by Wednesday 9 December', phone: data.frontDoor.phone }),
    'request-start': requestStartCard({ key: 'k', identity: { tenantId: 't', aadObjectId: 'a' }, person: alex }, [draft], new Date('2026-12-07T12:00:00Z')),
    'confirm-cancel': renderCard('confirm-cancel', { draftId: 'draft-1' }),
    'duty-alert-closed': notificationCards.closedAlert({ ref: 'FD-2026-00001', settingName: 'Oakfield Primary School', statusText: 'Withdrawn by the school' }),
    'draft-expiry': notificationCards.draftExpiry({ draftId: 'draft-1', label: 'Pupil JS · Step 3 of 7', deleteOn: 'Friday 11 December', maxAgeDays: 30 }),
    'my-requests': renderCard('my-requests', { settingName: 'Oakfield', summary: '1 request', items: [{ ref: 'FD-2026-00001', statusWords: 'Sent', detail: 'Pupil JS' }], hasPrevious: false, hasNext: true, previousPage: -1, nextPage: 1 }),
    'case-detail': renderCard('case-detail', { ref: 'FD-2026-00001', statusWords: 'Sent', dueText: 'due today', facts: [{ label: 'Pupil', value: 'JS' }], timeline: [{ when: 'Monday 7 December', what: 'Request sent (Priya Shah)' }], canWithdraw: true }),
    withdraw: renderCard('withdraw', { ref: 'FD-2026-00001', reason: 'Moved school', error: 'Tell us why' }),
    'duty-alert': notificationCards.dutyAlert({
      ref: 'FD-2026-00001',
      settingName: 'Oakfield Primary School',
      phase: 'primary',
      needLabel: 'Speech (SLCN)',
      needArea: 'Communication and interaction',
      urgency: 'Routine',
      dueText: 'Reply due by Wednesday 9 December',
      channel: 'Teams',
      statusText: 'Waiting for someone to claim it',
      claimable: true,
      mentionText: 'On duty now: <at>Sam Patel</at>',
      mentions: [{ id: '00000000-0000-0000-0000-000000000102', name: 'Sam Patel' }],
    }),
    triage: notificationCards.triage({
      record: { ...aCase({ ref: 'FD-2026-00001', settingId: '900001', status: 'claimed', claimantKey: 'k' }), request: { ...VALID_ANSWERS_AS_STORED } },
      settingName: 'Oakfield Primary School',
      statusText: 'Claimed by Sam Patel at 10:04',
      dueText: 'First reply due by Wednesday 9 December (due in 2 working days)',
      services: data.services.map((service, i) => ({ service, suggested: i === 0 })),
      colleagues: data.people.filter((p) => p.roles.includes('duty-professional')),
      names: {},
      canTriage: true,
      canHandOver: true,
      errors: { message: 'Write a note for the school' },
      kept: { services: 'eps' },
    }),
    'school-question': notificationCards.schoolQuestion({ ref: 'FD-2026-00001', askedBy: 'Sam Patel', question: 'What happens at lunchtime?', answer: '', error: '' }),
    'panel-post': notificationCards.panelPost(aPanelPostView()),
    'panel-agenda': notificationCards.panelAgenda(aPanelAgendaView()),
    'panel-schedule': renderCard('panel-schedule', { summary: '1 case waiting', cases: [{ title: 'FD-2026-00001 · Oakfield', value: 'FD-2026-00001' }], kept: { refs: '', meetingDate: '2026-12-15' }, errors: { refs: 'Choose at least one case', meetingDate: '' } }),
    'my-queue': renderCard('my-queue', { summary: '1 open request', items: [{ ref: 'FD-2026-00001', dueWords: 'due tomorrow', detail: 'Oakfield · SLCN' }] }),
    'deadline-notice': notificationCards.deadlineNotice({
      title: 'FD-2026-00001: first reply overdue',
      text: 'The first reply to this request was due by Wednesday 9 December.',
      tone: 'Attention',
      facts: [{ label: 'Request', value: 'FD-2026-00001' }, { label: 'Due', value: 'Wednesday 9 December (overdue by 1 working day)' }],
      ref: 'FD-2026-00001',
      canOpen: true,
    }),
    ...insightAndStatusCards(),
    ...adminCardSamples(),
  };
}

describe('card templates', () => {
  it('has a rendering for every template in cards/', () => {
    const templates = readdirSync('cards').filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, ''));
    expect(Object.keys(everyCard()).sort()).toEqual(templates.sort());
  });

  it('renders every card as valid Adaptive Card 1.5 with nothing left unfilled', () => {
    for (const [name, card] of Object.entries(everyCard())) {
      expect({ name, problems: cardProblems(card) }).toEqual({ name, problems: [] });
      expect(JSON.stringify(card)).not.toContain('${');
      expect((card as { version: string }).version).toBe('1.5');
    }
  });

  it('uses only verbs that have a handler, and every verb is used by some card', () => {
    const used = new Set<string>();
    for (const file of readdirSync('cards')) {
      const text = readFileSync(join('cards', file), 'utf8');
      for (const match of text.matchAll(/"verb"\s*:\s*"([^"]+)"/g)) used.add(match[1] ?? '');
    }
    const handled = new Set<string>(Object.values(VERBS));
    expect([...used].filter((v) => !handled.has(v))).toEqual([]);
    expect([...handled].filter((v) => !used.has(v))).toEqual([]);
  });

  it('shows a SENCO only what setting staff may do', () => {
    const card = welcomeCard(person('00000000-0000-0000-0000-000000000101'), data.frontDoor);
    expect(buttonTitles(card)).toEqual(['Request support', 'My requests', 'Help']);
  });

  it('shows a problem only beside its own field, and every answer back in its input', () => {
    const pupil = JSON.stringify(formCards(person('00000000-0000-0000-0000-000000000100'))['intake-pupil']);
    expect(pupil).toContain('Enter the pupil’s initials');
    expect(pupil).toContain('"value":"J.S."');
    const need = cardText(formCards(person('00000000-0000-0000-0000-000000000100'))['intake-need']);
    expect(need).not.toContain('Enter the pupil’s initials');
  });

  it('keeps pupil details out of the duty channel alert', () => {
    const alert = JSON.stringify(everyCard()['duty-alert']);
    for (const secret of ['J.S.', '05/2018', 'spoken instructions']) expect(alert).not.toContain(secret);
  });

  it('keeps what an unknown user typed and names the problem beside the field', () => {
    const text = cardText(everyCard()['unknown-user']);
    expect(text).toContain('Oakfield');
    expect(text).toContain('Enter your role');
    expect(text).toContain(data.frontDoor.phone);
  });
});
