import type { CaseRecord } from './case-record';

/** The case with a change applied: one revision on. Every change to a stored case goes through this. */
export function revised(record: CaseRecord, change: Partial<CaseRecord>): CaseRecord {
  return { ...record, ...change, revision: record.revision + 1 };
}
