import type { Actor } from '../app/actor';
import type { RequestsPage } from '../app/requests/my-requests';
import type { RequestView } from '../app/requests/view-request';
import { STATUS_WORDS, isOpen, type CaseRecord } from '../domain/case-record';
import { formatLongDate, londonDate, workingDayCalendar } from '../domain/calendar';
import { NEED_LABELS, storedRequestSchema } from '../domain/intake';
import type { FrontDoorSettings } from '../domain/reference';
import type { AuditEvent } from '../ports/store';
import { renderCard, type AdaptiveCardJson } from './render-card';

/** The school's list of its requests, ten a card. */
export function myRequestsCard(page: RequestsPage, settingName: string, now: Date): AdaptiveCardJson {
  const today = londonDate(now);
  return renderCard('my-requests', {
    settingName,
    summary: page.total === 0 ? '' : `${page.total} request${page.total === 1 ? '' : 's'}, newest first · page ${page.page + 1} of ${page.pages}`,
    items: page.items.map((c) => ({ ref: c.ref, statusWords: STATUS_WORDS[c.status], detail: detailLine(c, today) })),
    hasPrevious: page.page > 0,
    hasNext: page.page + 1 < page.pages,
    previousPage: page.page - 1,
    nextPage: page.page + 1,
  });
}

function detailLine(record: CaseRecord, today: string): string {
  const parsed = storedRequestSchema.safeParse(record.request);
  const pupil = parsed.success ? `Pupil ${parsed.data.initials} · ` : '';
  const due = isOpen(record.status) && record.firstResponseDue ? ` · reply due ${formatLongDate(record.firstResponseDue, today)}` : '';
  return `${pupil}${NEED_LABELS[record.primaryNeed]}${due} · updated ${formatLongDate(londonDate(new Date(record.updatedAt)), today)}`;
}

/** What each audit action means to the people reading a timeline; views are shown to the authority only. */
const ACTION_WORDS: Record<string, { words: string; schoolSees: boolean }> = {
  'case.submitted': { words: 'Request sent', schoolSees: true },
  'case.withdrawn': { words: 'Withdrawn by the school', schoolSees: true },
  'case.viewed': { words: 'Details viewed', schoolSees: false },
  'case.anonymised': { words: 'Pupil details removed after the retention period', schoolSees: true },
};

export interface TimelineNames {
  nameOf(actorKey: string): string;
}

/** One request in full, with its timeline, for someone allowed to see it. */
export function caseDetailCard(view: RequestView, viewer: Actor, settings: FrontDoorSettings, names: TimelineNames, now: Date, canWithdraw: boolean): AdaptiveCardJson {
  const { record } = view;
  const today = londonDate(now);
  const parsed = storedRequestSchema.safeParse(record.request);
  const r = parsed.success ? parsed.data : undefined;
  const authority = !viewer.person.roles.every((role) => role === 'setting-staff');
  const due = isOpen(record.status) && record.firstResponseDue ? workingDayCalendar(settings.closureDays).describeDue(record.firstResponseDue, today) : '';
  return renderCard('case-detail', {
    ref: record.ref,
    statusWords: STATUS_WORDS[record.status],
    dueText: due ? `First reply ${due} (${formatLongDate(record.firstResponseDue ?? today, today)})` : '',
    facts: [
      { label: 'Sent', value: `${formatLongDate(londonDate(new Date(record.submittedAt)), today)}, by ${record.channel === 'teams' ? 'Teams' : record.channel}` },
      ...(r
        ? [
            { label: 'Asked by', value: r.requesterName },
            { label: 'Pupil', value: `${r.initials}, ${r.yearGroup}` },
            { label: 'Primary need', value: `${NEED_LABELS[r.primaryNeed]} (${r.primaryNeed})` },
            { label: 'Concern', value: r.concern },
          ]
        : []),
      ...(record.withdrawal ? [{ label: 'Withdrawn because', value: record.withdrawal.reason }] : []),
    ],
    timeline: timeline(view.timeline, authority, names, today),
    canWithdraw,
  });
}

function timeline(events: AuditEvent[], authority: boolean, names: TimelineNames, today: string): Array<{ when: string; what: string }> {
  return events
    .filter((e) => authority || ACTION_WORDS[e.action]?.schoolSees === true)
    .map((e) => ({
      when: formatLongDate(londonDate(new Date(e.at)), today),
      what: `${ACTION_WORDS[e.action]?.words ?? e.action} (${names.nameOf(e.actorKey)})`,
    }));
}
