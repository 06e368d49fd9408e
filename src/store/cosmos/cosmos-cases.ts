import type { Container, OperationInput } from '@azure/cosmos';
import { z } from 'zod';
import { caseRecordSchema, type CaseRecord } from '../../domain/case-record';
import { StoreConflictError, type CaseStore, type CaseWriteEffects, type Versioned } from '../../ports/store';
import { safeId } from './cosmos-client';
import { deleteDoc, etagOf, queryAll, readDoc, runBatch, toJsonObject } from './cosmos-docs';
import { cosmosCall, cosmosStatus } from './cosmos-errors';
import { auditDoc, outboxDoc } from './cosmos-outbox';
import { nextCounterValue } from './cosmos-counter';
import { recordTally } from './cosmos-tallies';

/**
 * submissionKey uniqueness. Cosmos DB ids are unique only within a partition and a case lives in
 * partition <ref>, so a marker document {id: key, pk: 'submission:<key>', ref} is created FIRST:
 * a duplicate submission gets 409 there and is answered with the case the marker names. Then the
 * case and its effects go in one batch in the case's partition. If that batch fails the marker is
 * removed. If the process dies between the two writes, the marker names a case that never came;
 * a later create with the same key takes the marker over once it is STALE_MARKER_MS older than the
 * new record's submittedAt (both instants come from the app's Clock).
 */
const STALE_MARKER_MS = 60_000;
const markerSchema = z.object({ ref: z.string(), submittedAt: z.string(), _etag: z.string() });

const caseDoc = (record: CaseRecord) => toJsonObject({ ...caseRecordSchema.parse(record), id: record.ref, pk: record.ref, type: 'case' });
const toCase = (doc: unknown): CaseRecord => caseRecordSchema.parse(doc);
const toVersionedCase = (doc: unknown): Versioned<CaseRecord> => ({ value: toCase(doc), version: etagOf(doc) });

function effectOperations(effects: CaseWriteEffects | undefined): OperationInput[] {
  return [
    ...(effects?.outbox ?? []).map((item): OperationInput => ({ operationType: 'Create', resourceBody: outboxDoc(item) })),
    ...(effects?.audit ?? []).map((event): OperationInput => ({ operationType: 'Create', resourceBody: auditDoc(event) })),
  ];
}

/** Cases, their effects and the yearly reference counters, on Cosmos DB. */
export function cosmosCaseStore(cases: Container, counters: Container): CaseStore {
  const markerId = (key: string) => safeId(key);
  const markerPk = (key: string) => `submission:${key}`;
  const existingCase = async (ref: string, submissionKey: string) => {
    const doc = await readDoc(cases, ref, ref);
    return doc !== undefined && toCase(doc).submissionKey === submissionKey ? toVersionedCase(doc) : undefined;
  };

  /** Creates the marker, or returns the case an earlier submission with the same key created. */
  async function claimSubmission(record: CaseRecord): Promise<Versioned<CaseRecord> | undefined> {
    const key = record.submissionKey;
    const marker = toJsonObject({ id: markerId(key), pk: markerPk(key), type: 'submission', ref: record.ref, submittedAt: record.submittedAt });
    try {
      await cases.items.create(marker);
      return undefined;
    } catch (error) {
      if (cosmosStatus(error) !== 409) throw error;
    }
    const found = markerSchema.parse(await readDoc(cases, markerId(key), markerPk(key)));
    const earlier = await existingCase(found.ref, key);
    if (earlier) return earlier;
    if (Date.parse(record.submittedAt) - Date.parse(found.submittedAt) < STALE_MARKER_MS) {
      throw new StoreConflictError(`Submission ${key} is being created by another request`);
    }
    await cases.item(markerId(key), markerPk(key)).replace(marker, { accessCondition: { type: 'IfMatch', condition: found._etag } });
    return undefined;
  }

  /**
   * Sets the case's entry in its month's tally document once the case is written. The entry is
   * derived data: a failure here must not turn a saved case into an error the caller retries, so it
   * is dropped; the case's next write sets the entry again (see cosmos-tallies.ts).
   */
  const keepTally = (record: CaseRecord) => recordTally(counters, record).catch(() => undefined);

  async function create(record: CaseRecord, effects: CaseWriteEffects | undefined) {
    const earlier = await claimSubmission(record);
    if (earlier) return { case: earlier, created: false };
    try {
      const [etag] = await runBatch(cases, record.ref, [{ operationType: 'Create', resourceBody: caseDoc(record) }, ...effectOperations(effects)], `create case ${record.ref}`);
      await keepTally(record);
      return { case: { value: caseRecordSchema.parse(record), version: etag ?? etagOf(await readDoc(cases, record.ref, record.ref)) }, created: true };
    } catch (error) {
      // Free the key for a retry; if even that fails, the marker goes stale and is taken over later.
      await deleteDoc(cases, markerId(record.submissionKey), markerPk(record.submissionKey)).catch(() => undefined);
      throw error;
    }
  }

  async function update(record: CaseRecord, expectedVersion: string, effects: CaseWriteEffects | undefined) {
    const replace: OperationInput = { operationType: 'Replace', id: record.ref, resourceBody: caseDoc(record), ifMatch: expectedVersion };
    const [etag] = await runBatch(cases, record.ref, [replace, ...effectOperations(effects)], `update case ${record.ref}`);
    await keepTally(record);
    return { value: caseRecordSchema.parse(record), version: etag ?? etagOf(await readDoc(cases, record.ref, record.ref)) };
  }

  const listCases = async (query: string, parameters: { name: string; value: string | number | string[] }[]) =>
    (await queryAll(cases, query, parameters)).map(toCase);

  return {
    nextReferenceNumber: (year) => cosmosCall('next reference number', () => nextCounterValue(counters, `reference-${year}`)),
    createCase: (record, effects) => cosmosCall(`create case ${record.ref}`, () => create(record, effects)),
    getCase: (ref) =>
      cosmosCall(`read case ${ref}`, async () => {
        const doc = await readDoc(cases, ref, ref);
        return doc === undefined ? undefined : toVersionedCase(doc);
      }),
    updateCase: (record, expectedVersion, effects) => cosmosCall(`update case ${record.ref}`, () => update(record, expectedVersion, effects)),
    listCasesBySetting: (settingId, page) =>
      cosmosCall('list cases by setting', async () => {
        // The test server has no OFFSET/LIMIT; TOP (offset + limit) then a slice works on both.
        const wanted = page.offset + page.limit;
        const items =
          page.limit <= 0
            ? []
            : await listCases(
                "SELECT TOP @n * FROM c WHERE c.type = 'case' AND c.settingId = @s ORDER BY c.submittedAt DESC, c.ref DESC",
                [{ name: '@n', value: wanted }, { name: '@s', value: settingId }],
              );
        const [total] = await queryAll(cases, "SELECT VALUE COUNT(1) FROM c WHERE c.type = 'case' AND c.settingId = @s", [{ name: '@s', value: settingId }]);
        return { items: items.slice(page.offset, wanted), total: z.number().parse(total ?? 0) };
      }),
    listCasesByStatus: (statuses, limit) =>
      cosmosCall('list cases by status', async () =>
        statuses.length === 0 || limit <= 0
          ? []
          : listCases("SELECT TOP @n * FROM c WHERE c.type = 'case' AND ARRAY_CONTAINS(@statuses, c.status) ORDER BY c.submittedAt ASC, c.ref ASC", [
              { name: '@n', value: limit },
              { name: '@statuses', value: [...statuses] },
            ]),
      ),
    listCasesByClaimant: (claimantKey, statuses) =>
      cosmosCall('list cases by claimant', async () =>
        statuses.length === 0
          ? []
          : listCases(
              "SELECT * FROM c WHERE c.type = 'case' AND c.claimantKey = @k AND ARRAY_CONTAINS(@statuses, c.status) ORDER BY c.firstResponseDue ASC, c.ref ASC",
              [{ name: '@k', value: claimantKey }, { name: '@statuses', value: [...statuses] }],
            ),
      ),
  };
}
