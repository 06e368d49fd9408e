import type { Container } from '@azure/cosmos';
import { z } from 'zod';
import { CASE_STATUSES, NEED_CODES, PHASES, type CaseRecord } from '../../domain/case-record';
import { caseFacts } from '../../domain/insights/case-facts';
import { mergeTallies, type CaseTally, type SubmittedRange } from '../../domain/insights/case-tally';
import { londonDate } from '../../domain/calendar';
import { PANEL_OUTCOMES } from '../../domain/panel';
import { readDoc } from './cosmos-docs';
import { cosmosStatus } from './cosmos-errors';

/**
 * Monthly tally documents in the counters container (pk /id): 'tally-2026-03' holds one short
 * entry per case submitted that London month, keyed by ref: "submittedAt|phase|need|status|
 * routed|panel|firstResponseDays|withinSetTime|panelOutcome". Each case write SETS its entry with a
 * patch (no read, no ETag, idempotent, never contended), so a year of insight is 12 or 13 point reads
 * and no query. 5,000 cases a month is about 400 KB, well under the 2 MB document limit. Entries
 * written before the panel outcome was added have 8 fields: read as no outcome until the case is
 * next written.
 */
const tallyId = (month: string) => `tally-${month}`;
const tallyDocSchema = z.object({ id: z.string(), cases: z.record(z.string(), z.string()) });
const flag = z.enum(['0', '1']).transform((v) => v === '1');
const entrySchema = z.tuple([
  z.string(),
  z.enum(PHASES),
  z.enum(NEED_CODES),
  z.enum(CASE_STATUSES),
  flag,
  flag,
  z.string().transform((v) => (v === '' ? null : Number(v))),
  z.enum(['', '0', '1']).transform((v) => (v === '' ? null : v === '1')),
  z.enum(['', ...PANEL_OUTCOMES]).transform((v) => (v === '' ? null : v)),
]);
/** An entry's fields, an older 8-field entry given an empty panel outcome. */
const entryFields = (entry: string) => {
  const fields = entry.split('|');
  return entrySchema.parse(fields.length === 8 ? [...fields, ''] : fields);
};

/** The tally entry of one case. */
export function tallyEntry(record: CaseRecord): string {
  const f = caseFacts(record);
  const within = f.withinSetTime === null ? '' : f.withinSetTime ? '1' : '0';
  return [record.submittedAt, f.phase, f.primaryNeed, f.status, f.routed ? '1' : '0', f.panel ? '1' : '0', f.firstResponseDays ?? '', within, f.panelOutcome ?? ''].join('|');
}

/** Sets the case's entry in its month's tally document, creating the document if it is the month's first. */
export async function recordTally(counters: Container, record: CaseRecord): Promise<void> {
  const month = caseFacts(record).month;
  const id = tallyId(month);
  const entry = tallyEntry(record);
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      await counters.item(id, id).patch([{ op: 'set', path: `/cases/${record.ref}`, value: entry }]);
      return;
    } catch (error) {
      if (cosmosStatus(error) !== 404) throw error;
    }
    try {
      await counters.items.create({ id, month, cases: { [record.ref]: entry } });
      return;
    } catch (error) {
      if (cosmosStatus(error) !== 409) throw error; // another writer created it first: patch again
    }
  }
}

/** The London months a range of instants touches, in order. */
export function monthsOf(range: SubmittedRange): string[] {
  if (range.from >= range.to) return [];
  const first = londonDate(new Date(range.from)).slice(0, 7);
  const last = londonDate(new Date(Date.parse(range.to) - 1)).slice(0, 7);
  const months: string[] = [];
  let [year, month] = first.split('-').map(Number) as [number, number];
  for (let label = first; label <= last; label = `${year}-${String(month).padStart(2, '0')}`) {
    months.push(label);
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
  }
  return months;
}

/** Tallies of the cases submitted in the range, from one point read per month. */
export async function readTallies(counters: Container, range: SubmittedRange): Promise<CaseTally[]> {
  const docs = await Promise.all(monthsOf(range).map(async (month) => ({ month, doc: await readDoc(counters, tallyId(month), tallyId(month)) })));
  const tallies: CaseTally[] = [];
  for (const { month, doc } of docs) {
    if (doc === undefined) continue;
    for (const entry of Object.values(tallyDocSchema.parse(doc).cases)) {
      const [submittedAt, phase, primaryNeed, status, routed, panel, firstResponseDays, withinSetTime, panelOutcome] = entryFields(entry);
      if (submittedAt < range.from || submittedAt >= range.to) continue;
      tallies.push({ month, phase, primaryNeed, status, routed, panel, panelOutcome, firstResponseDays, withinSetTime, count: 1 });
    }
  }
  return mergeTallies(tallies);
}
