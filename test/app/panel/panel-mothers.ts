import type { PanelAgendaView, PanelPostView } from '../../../src/ports/notification-cards';

/** A Panel channel view with votes cast, quorum reached, a problem shown and the chair's form half filled. */
export function aPanelPostView(overrides: Partial<PanelPostView> = {}): PanelPostView {
  return {
    ref: 'FD-2026-00001',
    settingName: 'Oakfield Primary School',
    phase: 'primary',
    needLabel: 'Speech, language and communication needs (SLCN)',
    panelDueText: 'Monday 21 December (due in 10 working days)',
    escalatedBy: 'Sam Patel',
    summary: 'Needs several services.',
    proposedPackage: 'EP assessment and speech and language advice.',
    statusText: 'Quorum reached (3 votes): the chair can record the decision.',
    meetingText: 'On the agenda for the panel meeting on Tuesday 15 December',
    tally: { support: 1, supportWithChanges: 1, doNotSupport: 1 },
    votes: [
      { name: 'Jo Okafor', choice: 'support', comment: '' },
      { name: 'Chris Evans', choice: 'support-with-changes', comment: 'Add a review at six weeks.' },
      { name: 'Alex Morgan', choice: 'do-not-support', comment: 'One service is enough.' },
    ],
    open: true,
    canDecide: true,
    decision: null,
    services: [
      { id: 'educational-psychology', name: 'Educational Psychology Service' },
      { id: 'communication-learning-autism', name: 'Communication, Learning and Autism Support Service' },
    ],
    notice: { text: 'Only panel members can vote on this case.', tone: 'problem' },
    errors: { package: 'Choose each service from the catalogue' },
    kept: { outcome: 'agreed', service1: 'educational-psychology', action1: 'Assessment', lead1: 'Chris Evans', schoolWords: 'We will be in touch.' },
    ...overrides,
  };
}

/** The same case once the chair has recorded an agreed package. */
export function aDecidedPanelPostView(): PanelPostView {
  return aPanelPostView({
    statusText: 'Decided: package agreed. Voting is closed.',
    open: false,
    canDecide: false,
    notice: null,
    errors: {},
    kept: {},
    decision: {
      outcome: 'agreed',
      decidedBy: 'Jo Okafor',
      when: 'Tuesday 15 December',
      package: [{ service: 'Educational Psychology Service', action: 'Assessment in school', lead: 'Chris Evans' }],
      schoolWords: 'An educational psychologist will visit in January.',
    },
  });
}

export function aPanelAgendaView(): PanelAgendaView {
  return {
    meetingDateText: 'Tuesday 15 December',
    chairName: 'Jo Okafor',
    items: [{ ref: 'FD-2026-00001', settingName: 'Oakfield Primary School', needLabel: 'SLCN', panelDueText: 'Monday 21 December', votesText: '2 votes so far' }],
  };
}
