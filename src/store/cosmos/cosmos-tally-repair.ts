import type { Container, PatchOperation } from '@azure/cosmos';
import { z } from 'zod';
import { caseRecordSchema, type CaseRecord } from '../../domain/case-record';
import { caseFacts } from '../../domain/insights/case-facts';
import { readDoc } from './cosmos-docs';
import { cosmosCall } from './cosmos-errors';
import { recordTally, tallyEntry } from './cosmos-tallies';

/** What a repair found and did. */
export interface TallyRepairReport {
  casesRead: number;
  entriesSet: number;
}

const tallyCases = z.object({ cases: z.record(z.string(), z.string()) });
/** Cosmos DB takes at most 10 operations in one patch. */
const PATCH_LIMIT = 10;

/**
 * Sets every case's entry in its month's tally document where it is missing or differs: the repair
 * for a tally write that failed after its case was saved (the case batch and the tally cannot share
 * one transaction). Reads the cases page by page; writes only what differs, so a second run writes
 * nothing. Safe beside a running bot: entries are set, never removed, each from the case as read;
 * a case written in that very instant is set right again by its next write or the next repair.
 */
export async function repairTallies(cases: Container, counters: Container, pageSize = 500): Promise<TallyRepairReport> {
  const report: TallyRepairReport = { casesRead: 0, entriesSet: 0 };
  /** Each month's stored entries; null while the month has no tally document. */
  const stored = new Map<string, Record<string, string> | null>();
  const storedOf = async (month: string): Promise<Record<string, string> | null> => {
    if (!stored.has(month)) {
      const doc = await cosmosCall('read tally', () => readDoc(counters, `tally-${month}`, `tally-${month}`));
      stored.set(month, doc === undefined ? null : tallyCases.parse(doc).cases);
    }
    return stored.get(month) ?? null;
  };

  const setEntries = async (month: string, records: CaseRecord[]): Promise<void> => {
    let rest = records;
    if ((await storedOf(month)) === null) {
      // recordTally creates the month's document (and copes with another writer creating it first).
      await cosmosCall('create tally', () => recordTally(counters, records[0]!));
      stored.set(month, {});
      rest = records.slice(1);
    }
    for (let i = 0; i < rest.length; i += PATCH_LIMIT) {
      const operations: PatchOperation[] = rest.slice(i, i + PATCH_LIMIT).map((record) => ({ op: 'set', path: `/cases/${record.ref}`, value: tallyEntry(record) }));
      await cosmosCall('repair tally', () => counters.item(`tally-${month}`, `tally-${month}`).patch(operations));
    }
    const known = stored.get(month) ?? {};
    for (const record of records) known[record.ref] = tallyEntry(record);
    report.entriesSet += records.length;
  };

  const pages = cases.items.query({ query: "SELECT * FROM c WHERE c.type = 'case'" }, { maxItemCount: pageSize }).getAsyncIterator();
  for await (const page of pages) {
    const wrong = new Map<string, CaseRecord[]>();
    for (const doc of page.resources) {
      const record = caseRecordSchema.parse(doc);
      report.casesRead += 1;
      const month = caseFacts(record).month;
      if ((await storedOf(month))?.[record.ref] !== tallyEntry(record)) wrong.set(month, [...(wrong.get(month) ?? []), record]);
    }
    for (const [month, records] of wrong) await setEntries(month, records);
  }
  return report;
}
