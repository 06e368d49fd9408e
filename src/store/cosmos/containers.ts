/**
 * The Cosmos DB containers: the single source of truth for the adapter and the Bicep template.
 *
 * - cases (pk /pk): a case document (type 'case', id = pk = ref) shares its partition with the
 *   case's outbox items (type 'outbox') and audit events (type 'audit'), so a case write and its
 *   effects go in one TransactionalBatch. Claim/triage/status are point reads by ref. Submission
 *   markers (type 'submission', pk 'submission:<key>') make submissionKey unique across partitions.
 *   Outbox items and audit events with no case get their own partition ('outbox:<id>' /
 *   'audit:<id>'), so every outbox item lives in this one container for the lease query.
 * - drafts (pk /ownerKey): listing a user's drafts is single-partition; get/delete by id alone is
 *   a cross-partition query on the indexed id (rare: resuming from a card that carries the id).
 * - conversations, state, counters, access-requests (pk /id): key-value, point reads by key.
 *   Counters hold one document per year ('reference-2026').
 * - reference (pk /kind): one partition per kind (settings, services, rota...), read by kind.
 */
export const COSMOS_CONTAINERS = {
  cases: {
    name: 'cases',
    partitionKey: '/pk',
    indexingPolicy: {
      indexingMode: 'consistent',
      automatic: true,
      includedPaths: [{ path: '/*' }],
      excludedPaths: [{ path: '/request/*' }, { path: '/payload/*' }, { path: '/detail/*' }, { path: '/"_etag"/?' }],
      compositeIndexes: [
        [
          { path: '/submittedAt', order: 'descending' },
          { path: '/ref', order: 'descending' },
        ],
        [
          { path: '/submittedAt', order: 'ascending' },
          { path: '/ref', order: 'ascending' },
        ],
        [
          { path: '/firstResponseDue', order: 'ascending' },
          { path: '/ref', order: 'ascending' },
        ],
        [
          { path: '/nextAttemptAt', order: 'ascending' },
          { path: '/id', order: 'ascending' },
        ],
        [
          { path: '/at', order: 'ascending' },
          { path: '/id', order: 'ascending' },
        ],
      ],
    },
  },
  drafts: {
    name: 'drafts',
    partitionKey: '/ownerKey',
    indexingPolicy: {
      indexingMode: 'consistent',
      automatic: true,
      includedPaths: [{ path: '/*' }],
      excludedPaths: [{ path: '/answers/*' }, { path: '/"_etag"/?' }],
      compositeIndexes: [
        [
          { path: '/updatedAt', order: 'ascending' },
          { path: '/id', order: 'ascending' },
        ],
        [
          { path: '/updatedAt', order: 'descending' },
          { path: '/id', order: 'ascending' },
        ],
      ],
    },
  },
  conversations: {
    name: 'conversations',
    partitionKey: '/id',
    indexingPolicy: { indexingMode: 'consistent', automatic: true, includedPaths: [{ path: '/id/?' }], excludedPaths: [{ path: '/*' }], compositeIndexes: [] },
  },
  reference: {
    name: 'reference',
    partitionKey: '/kind',
    indexingPolicy: {
      indexingMode: 'consistent',
      automatic: true,
      includedPaths: [{ path: '/kind/?' }, { path: '/type/?' }, { path: '/generation/?' }, { path: '/itemId/?' }],
      excludedPaths: [{ path: '/*' }],
      compositeIndexes: [],
    },
  },
  state: {
    name: 'state',
    partitionKey: '/id',
    indexingPolicy: { indexingMode: 'consistent', automatic: true, includedPaths: [{ path: '/id/?' }], excludedPaths: [{ path: '/*' }], compositeIndexes: [] },
  },
  counters: {
    name: 'counters',
    partitionKey: '/id',
    indexingPolicy: { indexingMode: 'consistent', automatic: true, includedPaths: [{ path: '/id/?' }], excludedPaths: [{ path: '/*' }], compositeIndexes: [] },
  },
  accessRequests: {
    name: 'access-requests',
    partitionKey: '/id',
    indexingPolicy: {
      indexingMode: 'consistent',
      automatic: true,
      includedPaths: [{ path: '/status/?' }, { path: '/requestedAt/?' }, { path: '/userKey/?' }],
      excludedPaths: [{ path: '/*' }],
      compositeIndexes: [
        [
          { path: '/requestedAt', order: 'ascending' },
          { path: '/userKey', order: 'ascending' },
        ],
      ],
    },
  },
} as const;

export type CosmosContainerKey = keyof typeof COSMOS_CONTAINERS;
