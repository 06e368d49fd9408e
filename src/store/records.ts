import { z } from 'zod';
import type { AccessOutcome, AccessRequest, AuditEvent, ConversationRecord, Draft, OutboxItem } from '../ports/store';

/** Zod schemas for every non-case record read back from storage; shared by both adapters. */

const jsonObject = z.record(z.string(), z.unknown());

export const outboxItemSchema: z.ZodType<OutboxItem, z.ZodTypeDef, unknown> = z.object({
  id: z.string().min(1),
  kind: z.string().min(1),
  target: z.string().min(1),
  payload: jsonObject,
  caseRef: z.string().nullable(),
  status: z.enum(['pending', 'delivered', 'dead']),
  attempts: z.number().int().min(0),
  nextAttemptAt: z.string().min(1),
  leaseOwner: z.string().nullable(),
  leaseUntil: z.string().nullable(),
  lastError: z.string().nullable(),
  // Items written before the field existed have none: no send was in doubt.
  attemptStartedAt: z.string().nullable().default(null),
  createdAt: z.string().min(1),
});

export const auditEventSchema: z.ZodType<AuditEvent> = z.object({
  id: z.string().min(1),
  at: z.string().min(1),
  actorKey: z.string().min(1),
  action: z.string().min(1),
  caseRef: z.string().nullable(),
  detail: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
});

export const draftSchema: z.ZodType<Draft> = z.object({
  id: z.string().min(1),
  ownerKey: z.string().min(1),
  step: z.string(),
  answers: jsonObject,
  createdAt: z.string().min(1),
  updatedAt: z.string().min(1),
});

export const conversationRecordSchema: z.ZodType<ConversationRecord> = z.object({
  key: z.string().min(1),
  reference: jsonObject,
  updatedAt: z.string().min(1),
});

export const accessRequestSchema: z.ZodType<AccessRequest> = z.object({
  userKey: z.string().min(1),
  name: z.string(),
  email: z.string().nullable(),
  message: z.string().nullable(),
  requestedAt: z.string().min(1),
  status: z.enum(['pending', 'approved', 'refused']),
  decision: z
    .object({ byKey: z.string().min(1), at: z.string().min(1), settingId: z.string().min(1).nullable(), reason: z.string().nullable() })
    .optional(),
});

/** A reference item as stored: any JSON object with a string id. */
export const referenceItemSchema = z.object({ id: z.string().min(1) }).passthrough();

/** A turn-state value as stored: any JSON object. */
export const stateValueSchema = jsonObject;

/** Keeps the first request date when a pending request is asked again; an approval is not undone by asking again. */
export function mergeAccessRequest(existing: AccessRequest | undefined, incoming: AccessRequest): AccessRequest {
  if (existing && existing.status === 'approved' && incoming.status === 'pending') return existing;
  if (existing && existing.status === 'pending') return { ...incoming, requestedAt: existing.requestedAt };
  return incoming;
}

/** Whether saving `merged` over `existing` starts a new pending request (so admins are to be told). */
export function startsPendingRequest(existing: AccessRequest | undefined, merged: AccessRequest): boolean {
  return merged.status === 'pending' && existing?.status !== 'pending';
}

/** The request once decided, or undefined when it is no longer in the status the decision is for (pending unless said). */
export function decidedAccessRequest(existing: AccessRequest | undefined, outcome: AccessOutcome): AccessRequest | undefined {
  return existing !== undefined && existing.status === (outcome.from ?? 'pending') ? { ...existing, status: outcome.status, decision: outcome.decision } : undefined;
}
