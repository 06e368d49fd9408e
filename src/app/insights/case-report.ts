import { londonDate } from '../../domain/calendar';
import type { CaseRecord } from '../../domain/case-record';
import { caseFacts } from '../../domain/insights/case-facts';
import { insightFigures, routeOf, unmetKind, type InsightFigures } from '../../domain/insights/insight-figures';
import type { Period } from '../../domain/insights/periods';
import { needAreaOf } from '../../domain/intake';
import type { ReportingStore } from '../../ports/store';
import { rangeOf } from './build-insights';

/** The CSV columns: facts about the request and what happened to it; nothing that identifies a pupil. */
export const REPORT_COLUMNS = [
  'ref', 'submitted_on', 'month', 'setting_id', 'phase', 'primary_need', 'need_area', 'urgency', 'channel', 'status', 'route',
  'claimed_on', 'first_response_on', 'first_response_working_days', 'within_set_time', 'paused_working_days', 'services', 'went_to_panel',
  'panel_due', 'panel_outcome', 'withdrawn_on', 'unmet_need',
] as const;

const dateOf = (instant: string | null) => (instant ? londonDate(new Date(instant)) : '');

/** One case as a report row, in REPORT_COLUMNS order. */
export function reportRow(record: CaseRecord): string[] {
  const facts = caseFacts(record);
  const m = record.measures;
  return [
    record.ref, dateOf(record.submittedAt), facts.month, record.settingId, record.phase, record.primaryNeed, needAreaOf(record.primaryNeed).label,
    record.urgency, record.channel, record.status, routeOf(facts), dateOf(record.claimedAt), dateOf(record.firstResponseAt),
    m ? String(m.firstResponseWorkingDays) : '', m ? (m.withinSetTime ? 'yes' : 'no') : '', m ? String(m.pausedWorkingDays) : '',
    record.routedTo.join(';'), facts.panel ? 'yes' : 'no', record.panelDue ?? '', facts.panelOutcome ?? '', dateOf(record.withdrawal?.at ?? null), unmetKind(facts) ?? '',
  ];
}

/** A CSV line (RFC 4180 quoting); a cell starting with = + - @ is prefixed with ' so spreadsheets never run it. */
export function csvLine(cells: readonly string[]): string {
  return cells
    .map((cell) => (/^[=+\-@]/.test(cell) ? `'${cell}` : cell))
    .map((cell) => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell))
    .join(',');
}

/** The summary file: the insight figures of the period as metric,value lines. */
export function summaryLines(f: InsightFigures): string[] {
  const rows: Array<[string, string | number | undefined]> = [
    ['period', `${f.period.from} to ${f.period.to}`],
    ['requests', f.total],
    ...f.byNeed.map((n): [string, number] => [`need:${n.need}`, n.count]),
    ...f.byPhase.map((p): [string, number] => [`phase:${p.phase}`, p.count]),
    ...f.byMonth.map((m): [string, number] => [`month:${m.month}`, m.count]),
    ...Object.entries(f.routes).map(([route, n]): [string, number] => [`route:${route}`, n]),
    ['first_response_answered', f.response.answered],
    ['first_response_median_working_days', f.response.median],
    ['first_response_p90_working_days', f.response.p90],
    ['first_response_within_set_time_percent', f.response.withinShare],
    ...f.panelByMonth.map((m): [string, number | undefined] => [`panel_percent:${m.month}`, m.share]),
    ['panel_outcome:agreed', f.panelOutcomes.agreed],
    ['panel_outcome:not_agreed', f.panelOutcomes.notAgreed],
    ['panel_outcome:awaiting', f.panelOutcomes.awaiting],
    ['panel_outcome_agreed_percent', f.panelOutcomes.agreedShare],
    ['unmet:panel_not_agreed', f.unmet.panelNotAgreed],
    ['unmet:closed_no_service', f.unmet.closedNoService],
  ];
  return [csvLine(['metric', 'value']), ...rows.map(([metric, value]) => csvLine([metric, value === undefined ? '' : String(value)]))];
}

/** Writes the report: the header and one line per case (page by page), then returns the summary lines. */
export async function writeCaseReport(store: ReportingStore, period: Period, write: (line: string) => void | Promise<void>): Promise<{ rows: number; summary: string[] }> {
  const range = rangeOf(period);
  await write(csvLine(REPORT_COLUMNS));
  let rows = 0;
  for (let after: CaseRecord | undefined, page: CaseRecord[] = []; ; ) {
    page = await store.listCasesSubmitted(range, after ? { submittedAt: after.submittedAt, ref: after.ref } : null, 2_000);
    for (const record of page) await write(csvLine(reportRow(record)));
    rows += page.length;
    after = page[page.length - 1];
    if (page.length < 2_000) break;
  }
  return { rows, summary: summaryLines(insightFigures(period, await store.tallyCases(range))) };
}
