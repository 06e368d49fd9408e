import { PACKAGE_ROWS } from '../app/panel/decision-form';
import type { PanelAgendaView, PanelPostView } from '../ports/notification-cards';
import type { Choice } from './render-card';
import { renderCard, type AdaptiveCardJson } from './render-card';

/** The view's words as they are shown on the card. */
type PanelPostWords = 'ref' | 'settingName' | 'phase' | 'needLabel' | 'panelDueText' | 'escalatedBy' | 'summary' | 'proposedPackage' | 'statusText' | 'meetingText' | 'open' | 'canDecide';

/** The Panel channel card's template data: the view's words, and the rest made ready for the template. */
export interface PanelPostCard extends Pick<PanelPostView, PanelPostWords> {
  noticeText: string;
  noticeStyle: 'attention' | 'emphasis';
  noticeColor: 'Attention' | 'Default';
  tallyText: string;
  votes: Array<{ name: string; words: string }>;
  decided: boolean;
  decisionTitle: string;
  decisionPackage: Array<{ service: string; action: string; lead: string }>;
  decisionWords: string;
  rows: Array<{ n: number; service: string; action: string; lead: string }>;
  services: Choice[];
  kept: { voteComment: string; outcome: string; schoolWords: string };
  errors: { voteComment: string; outcome: string; package: string; schoolWords: string };
}

/** The chair's list of cases waiting for the panel, to choose from for a meeting. */
export interface PanelScheduleCard {
  summary: string;
  cases: Choice[];
  kept: { refs: string; meetingDate: string };
  errors: { refs: string; meetingDate: string };
}

/** The agenda posted to the Panel channel. */
export type PanelAgendaCard = PanelAgendaView & { summary: string };

export const VOTE_WORDS: Record<PanelPostView['votes'][number]['choice'], string> = {
  support: 'Support',
  'support-with-changes': 'Support with changes',
  'do-not-support': 'Do not support',
};

/** Plain words for each panel refusal; the codes stay stable, the words can change. */
export const PANEL_REFUSALS: Record<string, string> = {
  'PANEL.NOT_MEMBER': 'Only panel members can vote on this case. Your click changed nothing.',
  'PANEL.NOT_CHAIR': 'Only the panel chair can record the decision. Nothing was changed.',
  'PANEL.DECIDED': 'The panel has already decided this case, so votes and decisions are closed. Nothing was changed.',
  'PANEL.NOT_AT_PANEL': 'This case is no longer with the panel. Nothing was changed.',
  'PANEL.NO_QUORUM': 'The panel has not reached quorum yet, so the decision cannot be recorded. Nothing was changed.',
  'PANEL.BAD_VOTE': 'That button is out of date. Nothing was changed: vote again from this card.',
  'CASE.CHANGED': 'The case changed while you were looking. Nothing was changed: try again.',
};

/** The Panel channel card: the case without pupil details, the tally, who voted what, the vote buttons and the chair's form. */
export function panelPostCard(view: PanelPostView): AdaptiveCardJson {
  const { tally, decision } = view;
  const kept = (f: string): string => view.kept[f] ?? '';
  return renderCard('panel-post', {
    ref: view.ref,
    settingName: view.settingName,
    phase: view.phase,
    needLabel: view.needLabel,
    panelDueText: view.panelDueText,
    escalatedBy: view.escalatedBy,
    summary: view.summary,
    proposedPackage: view.proposedPackage,
    statusText: view.statusText,
    meetingText: view.meetingText,
    noticeText: view.notice?.text ?? '',
    noticeStyle: view.notice?.tone === 'problem' ? 'attention' : 'emphasis',
    noticeColor: view.notice?.tone === 'problem' ? 'Attention' : 'Default',
    tallyText: `Support ${tally.support} · Support with changes ${tally.supportWithChanges} · Do not support ${tally.doNotSupport}`,
    votes: view.votes.map((v) => ({ name: v.name, words: v.comment ? `${VOTE_WORDS[v.choice]}: ${v.comment}` : VOTE_WORDS[v.choice] })),
    open: view.open,
    canDecide: view.canDecide,
    decided: decision !== null,
    decisionTitle: decision ? `${decision.outcome === 'agreed' ? 'Package agreed' : 'Not agreed'}: recorded by ${decision.decidedBy}, ${decision.when}` : '',
    decisionPackage: decision?.package ?? [],
    decisionWords: decision?.schoolWords ?? '',
    rows: Array.from({ length: PACKAGE_ROWS }, (_, i) => ({ n: i + 1, service: kept(`service${i + 1}`), action: kept(`action${i + 1}`), lead: kept(`lead${i + 1}`) })),
    services: view.services.map((s) => ({ title: s.name, value: s.id })),
    kept: { voteComment: kept('voteComment'), outcome: kept('outcome'), schoolWords: kept('schoolWords') },
    errors: { voteComment: view.errors.voteComment ?? '', outcome: view.errors.outcome ?? '', package: view.errors.package ?? '', schoolWords: view.errors.schoolWords ?? '' },
  });
}

/** The meeting's agenda for the Panel channel. */
export function panelAgendaCard(view: PanelAgendaView): AdaptiveCardJson {
  const n = view.items.length;
  return renderCard('panel-agenda', { ...view, summary: `${n} case${n === 1 ? '' : 's'} on the agenda` });
}
