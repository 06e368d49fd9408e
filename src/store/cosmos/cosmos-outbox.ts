import type { Container, JSONObject } from '@azure/cosmos';
import type { AuditEvent, AuditStore, OutboxItem, OutboxRef, OutboxStore } from '../../ports/store';
import { auditEventSchema, outboxItemSchema } from '../records';
import { etagOf, queryAll, readDoc, toJsonObject } from './cosmos-docs';
import { cosmosCall, cosmosStatus } from './cosmos-errors';
import { completed, released, requeued } from '../outbox-changes';

/**
 * Outbox items and audit events live in the cases container: in their case's partition when they
 * have one (so they join the case's batch), else in a partition of their own. Their ids come from
 * the Ids port (UUIDs), so they are used as document ids unchanged.
 */
const outboxPk = (item: Pick<OutboxItem, 'id' | 'caseRef'>) => item.caseRef ?? `outbox:${item.id}`;
const auditPk = (event: Pick<AuditEvent, 'id' | 'caseRef'>) => event.caseRef ?? `audit:${event.id}`;

/** The document stored for an outbox item. */
export function outboxDoc(item: OutboxItem): JSONObject {
  const parsed = outboxItemSchema.parse(item);
  return toJsonObject({ ...parsed, pk: outboxPk(parsed), type: 'outbox' });
}

/** The document stored for an audit event. */
export function auditDoc(event: AuditEvent): JSONObject {
  const parsed = auditEventSchema.parse(event);
  return toJsonObject({ ...parsed, pk: auditPk(parsed), type: 'audit' });
}

/** How many more due items than the limit a filtered lease reads, to find items beyond a busy target's. */
const LEASE_SCAN_FACTOR = 5;

/** The documents in order, keeping at most `perTarget` of each target. */
function firstPerTarget(docs: unknown[], perTarget: number): unknown[] {
  const seen = new Map<string, number>();
  return docs.filter((doc) => {
    const { target } = outboxItemSchema.parse(doc);
    const count = (seen.get(target) ?? 0) + 1;
    seen.set(target, count);
    return count <= perTarget;
  });
}

/** The outbox (leases through ETags) and the audit trail, on Cosmos DB. */
export function cosmosOutboxAndAuditStore(cases: Container): OutboxStore & AuditStore {
  /** Replaces the item if nobody changed it since it was read; false when someone did. */
  const replaceIfUnchanged = async (item: OutboxItem, etag: string): Promise<boolean> => {
    try {
      await cases.item(item.id, outboxPk(item)).replace(outboxDoc(item), { accessCondition: { type: 'IfMatch', condition: etag } });
      return true;
    } catch (error) {
      if (cosmosStatus(error) === 412 || cosmosStatus(error) === 404) return false;
      throw error;
    }
  };

  /** Reads the item (a point read in its partition), and replaces it with what `change` makes of it if nobody changed it meanwhile; false otherwise. */
  const changeItem = async (ref: OutboxRef, change: (item: OutboxItem) => OutboxItem | undefined): Promise<boolean> => {
    const doc = await readDoc(cases, ref.id, outboxPk(ref));
    if (doc === undefined) return false;
    const changed = change(outboxItemSchema.parse(doc));
    return changed !== undefined && replaceIfUnchanged(changed, etagOf(doc));
  };
  const asHolder = (owner: string, change: (item: OutboxItem) => OutboxItem) => (item: OutboxItem) =>
    item.leaseOwner === owner && item.status === 'pending' ? change(item) : undefined;

  return {
    enqueue: (items) =>
      cosmosCall('enqueue', async () => {
        await Promise.all(items.map((item) => cases.items.create(outboxDoc(item))));
      }),
    leaseDue: (now, owner, leaseUntil, limit, filter = {}) =>
      cosmosCall('lease outbox', async () => {
        if (limit <= 0) return [];
        // No window functions here: read a wider slice, then keep perTarget of each target in order.
        const scan = filter.perTarget === undefined ? limit : limit * LEASE_SCAN_FACTOR;
        const docs = await queryAll(
          cases,
          `SELECT TOP @n * FROM c WHERE c.type = 'outbox' AND c.status = 'pending' AND c.nextAttemptAt <= @now
           AND (IS_NULL(c.leaseUntil) OR c.leaseUntil <= @now) AND NOT ARRAY_CONTAINS(@skip, c.target)
           ORDER BY c.nextAttemptAt ASC, c.id ASC`,
          [
            { name: '@n', value: scan },
            { name: '@now', value: now },
            { name: '@skip', value: [...(filter.skipTargets ?? [])] },
          ],
        );
        const due = firstPerTarget(docs, filter.perTarget ?? limit).slice(0, limit);
        // Each lease is a replace with IfMatch: of two owners racing for an item, exactly one wins.
        const attempts = await Promise.all(
          due.map(async (doc) => {
            const leased: OutboxItem = { ...outboxItemSchema.parse(doc), leaseOwner: owner, leaseUntil };
            return (await replaceIfUnchanged(leased, etagOf(doc))) ? leased : undefined;
          }),
        );
        return attempts.filter((item): item is OutboxItem => item !== undefined);
      }),
    startAttempt: (ref, owner, at) => cosmosCall('start outbox attempt', () => changeItem(ref, asHolder(owner, (item) => ({ ...item, attemptStartedAt: at })))),
    completeAttempt: (ref, owner, outcome) => cosmosCall('complete outbox attempt', () => changeItem(ref, asHolder(owner, (item) => completed(item, outcome)))),
    releaseLease: (ref, owner, nextAttemptAt) => cosmosCall('release outbox lease', () => changeItem(ref, asHolder(owner, (item) => released(item, nextAttemptAt)))),
    retryDead: (ref, at) => cosmosCall('retry dead letter', () => changeItem(ref, (item) => (item.status === 'dead' ? requeued(item, at) : undefined))),
    listOutbox: (status, limit) =>
      cosmosCall('list outbox', async () => {
        if (limit <= 0) return [];
        const docs = await queryAll(cases, "SELECT TOP @n * FROM c WHERE c.type = 'outbox' AND c.status = @s ORDER BY c.nextAttemptAt ASC, c.id ASC", [
          { name: '@n', value: limit },
          { name: '@s', value: status },
        ]);
        return docs.map((doc) => outboxItemSchema.parse(doc));
      }),
    appendAudit: (event) =>
      cosmosCall('append audit', async () => {
        await cases.items.create(auditDoc(event));
      }),
    listAudit: (caseRef) =>
      cosmosCall('list audit', async () => {
        const docs = await queryAll(cases, "SELECT * FROM c WHERE c.type = 'audit' AND c.pk = @pk ORDER BY c.at ASC, c.id ASC", [{ name: '@pk', value: caseRef }], caseRef);
        return docs.map((doc) => auditEventSchema.parse(doc));
      }),
  };
}
