import { formatLongDate, londonDate } from '../domain/calendar';
import { HELP_KIND_LABELS, NEED_LABELS, REQUESTER_ROLE_LABELS, SEN_STATUS_LABELS, URGENCY_LABELS, storedRequestSchema } from '../domain/intake';
import type { TriageView } from '../ports/notification-cards';
import { renderCard, type AdaptiveCardJson } from './render-card';

const TRIAGE_FIELDS = ['services', 'message', 'summary', 'proposedPackage', 'reassignTo'] as const;

const MESSAGE_WORDS: Record<string, string> = {
  'route-note': 'Note to the school',
  advice: 'Advice',
  question: 'Question to the school',
  'school-reply': 'The school answered',
  'panel-summary': 'Summary for the panel',
  'proposed-package': 'Proposed package',
};

/** The full request for the person handling it: every detail the school gave, what has been said, and the decisions. */
export function triageCard(view: TriageView): AdaptiveCardJson {
  const { record } = view;
  const parsed = storedRequestSchema.safeParse(record.request);
  const r = parsed.success ? parsed.data : undefined;
  const facts = r
    ? [
        { label: 'Setting', value: `${view.settingName} (${record.phase})` },
        { label: 'Asked by', value: `${r.requesterName}, ${REQUESTER_ROLE_LABELS[r.requesterRole]} · ${r.requesterEmail}${r.requesterPhone ? ` · ${r.requesterPhone}` : ''}` },
        { label: 'Pupil', value: `${r.initials}, ${r.yearGroup}, born ${r.dateOfBirth} · ${SEN_STATUS_LABELS[r.senStatus]}${r.upn ? ` · UPN ${r.upn}` : ''}` },
        { label: 'Needs', value: `${NEED_LABELS[r.primaryNeed]} (${r.primaryNeed})${r.secondaryNeed ? `; also ${NEED_LABELS[r.secondaryNeed]} (${r.secondaryNeed})` : ''}` },
        { label: 'Concern', value: r.concern },
        { label: 'Tried so far', value: `${r.triedSoFar || '—'} (${r.reviewCycles} review cycle${r.reviewCycles === 1 ? '' : 's'})` },
        { label: 'What changed', value: r.whatChanged || '—' },
        { label: 'Other agencies', value: r.otherAgencies || '—' },
        { label: 'Help wanted', value: r.helpWanted.map((k) => HELP_KIND_LABELS[k]).join('; ') },
        { label: 'Urgency', value: `${URGENCY_LABELS[r.urgency]} · came by ${record.channel}` },
      ]
    : [{ label: 'Setting', value: view.settingName }];
  const today = londonDate(new Date(record.updatedAt));
  const messages = record.messages.map((m) => ({
    when: `${formatLongDate(londonDate(new Date(m.at)), today)}, ${view.names[m.byKey] ?? 'someone'}`,
    text: `${MESSAGE_WORDS[m.kind] ?? m.kind}: ${m.text}`,
  }));
  const problems = Object.values(view.errors);
  return renderCard('triage', {
    ref: record.ref,
    statusText: view.statusText,
    dueText: view.dueText,
    facts,
    messages,
    errorSummary: problems.length === 0 ? '' : problems.length === 1 ? `There is a problem: ${problems[0]}` : `There are ${problems.length} problems: see below.`,
    canTriage: view.canTriage,
    canHandOver: view.canHandOver,
    services: view.services.map(({ service, suggested }) => ({ value: service.id, title: `${suggested ? '★ ' : ''}${service.name}: ${service.offers}` })),
    colleagues: view.colleagues.map((p) => ({ value: p.id, title: p.name })),
    kept: Object.fromEntries(TRIAGE_FIELDS.map((f) => [f, view.kept[f] ?? ''])),
    errors: Object.fromEntries(TRIAGE_FIELDS.map((f) => [f, view.errors[f] ?? ''])),
  });
}
