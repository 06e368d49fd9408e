import { overdueReason, type ListScope } from '../app/status/case-lists';
import { STATUS_WORDS, isOpen, type CaseRecord } from '../domain/case-record';
import { formatLongDate, londonDate } from '../domain/calendar';
import type { InsightFigures, Route } from '../domain/insights/insight-figures';
import { PERIOD_NAMES, type PeriodName } from '../domain/insights/periods';
import { NEED_LABELS } from '../domain/intake';
import { renderCard, type AdaptiveCardJson } from './render-card';

type Bar = { x: string; y: number };
type Slice = { legend: string; value: number };
type Line = { legend: string; values: Bar[] };

/** One section of the insights card: a Teams chart and the same figures in words. */
export type InsightSection = { title: string; summary: string; xAxis: string; yAxis: string } & (
  | { kind: 'bar'; bars: Bar[] }
  | { kind: 'donut'; slices: Slice[] }
  | { kind: 'line'; lines: Line[] }
);

export interface InsightsCardData {
  label: string;
  headline: string;
  periods: Array<{ title: string; value: PeriodName }>;
  sections: InsightSection[];
  footnote: string;
}

const PERIOD_TITLES: Record<PeriodName, string> = {
  'this-month': 'This month',
  'last-month': 'Last month',
  'this-term': 'This term',
  'this-year': 'This school year',
  'last-year': 'Last school year',
};
const ROUTE_WORDS: Record<Route, string> = {
  services: 'Routed to services',
  advice: 'Advice only',
  panel: 'To panel',
  withdrawn: 'Withdrawn',
  open: 'Still open',
  'no-service': 'Closed, no service',
};
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const monthLabel = (month: string) => `${MONTHS[Number(month.slice(5, 7)) - 1] ?? month} ${month.slice(2, 4)}`;
const plural = (n: number, word: string) => `${n.toLocaleString('en-GB')} ${word}${n === 1 ? '' : 's'}`;
const days = (n: number | undefined) => (n === undefined ? 'none yet' : plural(n, 'working day'));
const list = (parts: string[]) => (parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`);
const AXES = { xAxis: '', yAxis: 'Requests' };

/** The panel's outcomes in a sentence: agreed against not agreed, and how many still wait. */
function panelOutcomeWords(o: InsightFigures['panelOutcomes']): string {
  const waiting = o.awaiting > 0 ? ` ${plural(o.awaiting, 'request')} still ${o.awaiting === 1 ? 'waits' : 'wait'} for a decision.` : '';
  if (o.agreed + o.notAgreed === 0) return o.awaiting > 0 ? `The panel has decided none yet.${waiting}` : 'The panel decided no requests in this period.';
  return `The panel agreed a package for ${o.agreed} and did not agree ${o.notAgreed} (${o.agreedShare ?? 0}% agreed).${waiting}`;
}

/** The insights card: eight charts, each with its figures in a sentence for clients that draw no charts. */
export function insightsCard(f: InsightFigures, firstResponseDays: number): AdaptiveCardJson {
  const [topNeed, secondNeed] = f.byNeed;
  const busiest = [...f.byMonth].sort((a, b) => b.count - a.count)[0];
  const routeSlices = (Object.entries(f.routes) as Array<[Route, number]>).filter(([, n]) => n > 0).map(([route, value]) => ({ legend: ROUTE_WORDS[route], value }));
  const panelMonths = f.panelByMonth.filter((m) => m.share !== undefined);
  const [firstPanel, lastPanel] = [panelMonths[0], panelMonths[panelMonths.length - 1]];
  const unmetTotal = f.unmet.panelNotAgreed + f.unmet.closedNoService;
  const outcomeSlices = [
    { legend: 'Package agreed', value: f.panelOutcomes.agreed },
    { legend: 'Not agreed', value: f.panelOutcomes.notAgreed },
    { legend: 'Awaiting decision', value: f.panelOutcomes.awaiting },
  ].filter((slice) => slice.value > 0);
  const sections: InsightSection[] = [
    {
      kind: 'bar',
      title: 'Demand by area of need',
      ...AXES,
      xAxis: 'Primary need',
      bars: f.byNeed.map((n) => ({ x: n.need, y: n.count })),
      summary: topNeed
        ? `Most requests were for ${NEED_LABELS[topNeed.need].toLowerCase()} (${topNeed.need}: ${topNeed.count})${secondNeed ? `, then ${NEED_LABELS[secondNeed.need].toLowerCase()} (${secondNeed.need}: ${secondNeed.count})` : ''}.`
        : 'No requests in this period.',
    },
    {
      kind: 'donut',
      title: 'Demand by phase',
      ...AXES,
      slices: f.byPhase.map((p) => ({ legend: p.phase, value: p.count })),
      summary: f.byPhase.length ? `${list(f.byPhase.map((p) => `${p.phase} ${p.count}`))}.` : 'No requests in this period.',
    },
    {
      kind: 'line',
      title: 'Demand by month',
      ...AXES,
      xAxis: 'Month',
      lines: [{ legend: 'Requests', values: f.byMonth.map((m) => ({ x: monthLabel(m.month), y: m.count })) }],
      summary: busiest && busiest.count > 0 ? `Busiest month: ${monthLabel(busiest.month)} with ${plural(busiest.count, 'request')}.` : 'No requests in this period.',
    },
    {
      kind: 'donut',
      title: 'Routes taken',
      ...AXES,
      slices: routeSlices,
      summary: routeSlices.length ? `${list(routeSlices.map((s) => `${s.legend.toLowerCase()} ${s.value}`))}.` : 'No requests in this period.',
    },
    {
      kind: 'bar',
      title: 'Time to first response',
      ...AXES,
      xAxis: 'Working days',
      bars: f.response.histogram.map((h) => ({ x: h.days >= 5 ? '5+' : String(h.days), y: h.count })),
      summary:
        f.response.answered === 0
          ? 'No first responses yet in this period.'
          : `Median ${days(f.response.median)}, 90th percentile ${days(f.response.p90)}. ${f.response.withinShare ?? 0}% (${f.response.withinSetTime} of ${f.response.answered}) answered within the set ${plural(firstResponseDays, 'working day')}.`,
    },
    {
      kind: 'line',
      title: 'Share of requests that went to panel',
      xAxis: 'Month',
      yAxis: '% to panel',
      lines: [{ legend: '% to panel', values: f.panelByMonth.map((m) => ({ x: monthLabel(m.month), y: m.share ?? 0 })) }],
      summary:
        firstPanel && lastPanel
          ? `${f.routes.panel} of ${f.total} went to panel. ${monthLabel(firstPanel.month)}: ${firstPanel.share ?? 0}%, ${monthLabel(lastPanel.month)}: ${lastPanel.share ?? 0}%.`
          : 'No requests in this period.',
    },
    {
      kind: 'donut',
      title: 'Panel outcomes',
      ...AXES,
      slices: outcomeSlices,
      summary: panelOutcomeWords(f.panelOutcomes),
    },
    {
      kind: 'bar',
      title: 'Unmet need',
      ...AXES,
      xAxis: 'Primary need',
      bars: f.unmet.byNeed.map((n) => ({ x: n.need, y: n.count })),
      summary:
        unmetTotal === 0
          ? 'No request ended without a service in this period.'
          : `${plural(unmetTotal, 'request')} ended with no service: ${f.unmet.panelNotAgreed} where the panel did not agree a package, ${f.unmet.closedNoService} closed with none fitted. Most for ${f.unmet.byNeed[0]?.need ?? ''}.`,
    },
  ];
  return renderCard('insights', {
    label: f.period.label,
    headline: `${plural(f.total, 'request')} from ${f.period.from} to ${f.period.to}.`,
    periods: PERIOD_NAMES.map((value) => ({ title: PERIOD_TITLES[value], value })),
    sections,
    footnote: 'Counted by the date each request was sent (London time). Working days leave out weekends, bank holidays and closure days.',
  });
}

export interface StatusCardData {
  ref: string;
  statusWords: string;
  dueText: string;
  facts: Array<{ label: string; value: string }>;
  canOpenList: boolean;
}

/** What a status card names besides the case itself. */
export interface StatusNames {
  settingName: string;
  claimantName: string | undefined;
  serviceNames: string[];
}

/** One request's status: where it is and what is due, never the pupil's details. */
export function statusCard(record: CaseRecord, names: StatusNames, today: string, describeDue: (due: string) => string, canOpenList: boolean): AdaptiveCardJson {
  const due = overdueOrDue(record, today, describeDue);
  const facts = [
    { label: 'Setting', value: names.settingName },
    { label: 'Phase', value: record.phase },
    { label: 'Area of need', value: `${NEED_LABELS[record.primaryNeed]} (${record.primaryNeed})` },
    { label: 'Sent', value: formatLongDate(londonDate(new Date(record.submittedAt)), today) },
    ...(names.claimantName ? [{ label: 'With', value: names.claimantName }] : []),
    ...(record.firstResponseAt ? [{ label: 'First reply', value: formatLongDate(londonDate(new Date(record.firstResponseAt)), today) }] : []),
    ...(names.serviceNames.length ? [{ label: 'Routed to', value: names.serviceNames.join(', ') }] : []),
    ...(record.panelDue ? [{ label: 'Panel decision due', value: formatLongDate(record.panelDue, today) }] : []),
  ];
  return renderCard('status', { ref: record.ref, statusWords: STATUS_WORDS[record.status], dueText: due, facts, canOpenList });
}

function overdueOrDue(record: CaseRecord, today: string, describeDue: (due: string) => string): string {
  const late = overdueReason(record, today);
  if (late) return `${late.kind === 'panel' ? 'Panel decision' : 'First reply'} overdue: it was due ${formatLongDate(late.due, today)}.`;
  if (record.firstResponseAt === null && isOpen(record.status) && record.firstResponseDue) return `First reply ${describeDue(record.firstResponseDue)}.`;
  return '';
}

/** Open or overdue requests, oldest or most overdue first, each with a Status button. */
export function statusListCard(
  kind: 'open' | 'overdue',
  list: { scope: ListScope; cases: CaseRecord[]; more: boolean },
  settingNameOf: (id: string) => string,
  today: string,
): AdaptiveCardJson {
  const whose = list.scope === 'queue' ? 'in your queue' : list.scope === 'setting' ? 'for your setting' : 'across the front door';
  const title = kind === 'open' ? 'Open requests' : 'Overdue requests';
  const n = list.cases.length;
  const summary =
    n === 0
      ? kind === 'open' ? `No open requests ${whose}.` : `Nothing overdue ${whose}.`
      : `${plural(n, 'request')} ${whose}${list.more || n > 50 ? ' (the first 50 shown; there are more)' : ''}, ${kind === 'open' ? 'oldest first' : 'most overdue first'}.`;
  return renderCard('status-list', {
    title,
    summary,
    items: list.cases.slice(0, 50).map((c) => {
      const late = overdueReason(c, today);
      const lateWords = late ? ` · ${late.kind === 'panel' ? 'panel decision' : 'first reply'} was due ${formatLongDate(late.due, today)}` : '';
      return { ref: c.ref, statusWords: STATUS_WORDS[c.status], detail: `${settingNameOf(c.settingId)} · ${c.primaryNeed} · sent ${formatLongDate(londonDate(new Date(c.submittedAt)), today)}${lateWords}` };
    }),
    showOverdue: kind === 'open',
    showOpen: kind === 'overdue',
  });
}
