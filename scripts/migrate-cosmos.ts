/**
 * `npm run migrate:cosmos -- --from ./data/frontdoor.db`: copies a local SQLite trial's data into
 * Cosmos DB. Safe to re-run: every record is upserted by key under the rules in RULES below, so a
 * second run over the same file changes nothing (the rules are listed in HELP).
 */
import Database from 'better-sqlite3';
import type { Container } from '@azure/cosmos';
import { z } from 'zod';
import { ConfigError, loadConfig } from '../src/config';
import { caseRecordSchema, type CaseRecord } from '../src/domain/case-record';
import type { Store } from '../src/ports/store';
import { connectCosmos, type CosmosConfig } from '../src/store/cosmos/cosmos-client';
import { etagOf, readDoc } from '../src/store/cosmos/cosmos-docs';
import { cosmosStatus } from '../src/store/cosmos/cosmos-errors';
import { auditDoc, outboxDoc } from '../src/store/cosmos/cosmos-outbox';
import { cosmosStoreOn } from '../src/store/cosmos/cosmos-store';
import { MIGRATIONS } from '../src/store/sqlite/migrations';
import { accessRequestSchema, auditEventSchema, conversationRecordSchema, draftSchema, outboxItemSchema, referenceItemSchema, stateValueSchema } from '../src/store/records';

const HELP = `Usage: npm run migrate:cosmos -- --from <path to the SQLite file>

Copies every record of a SQLite store (cases, audit, outbox, drafts, conversations, turn state,
access requests, reference data, reference counters) into the Cosmos DB database named by
COSMOS_ENDPOINT and COSMOS_DATABASE. Stop the bot that uses the SQLite file first. The file is
opened read-only. Sign in with "az login" as someone holding Cosmos DB Built-in Data Contributor
(infra/main.bicep: operatorPrincipalIds); COSMOS_KEY and COSMOS_TLS_INSECURE are for the emulator
or a test server only. Re-running is safe; what happens to a record already in Cosmos DB:

  cases            copied if missing; replaced when the SQLite copy has a later updatedAt
  drafts           copied if missing; replaced when the SQLite copy has a later updatedAt
  conversations    copied if missing; replaced when the SQLite copy has a later updatedAt
  audit            copied if missing (events never change)
  outbox           copied if missing; never overwritten (Cosmos DB may have delivered it since)
  turn state       copied if missing; never overwritten
  access requests  copied if missing; never overwritten
  reference data   a kind is replaced when its items differ (the bot reloads data/ at start-up anyway)
  counters         raised to the SQLite value, never lowered, so no reference number is reused
`;

/** What happened to each kind of record. */
export type MigrationReport = Record<string, { copied: number; updated: number; unchanged: number }>;

const docRow = z.object({ doc: z.string() });
const parseDoc = <S extends z.ZodTypeAny>(schema: S, row: unknown): z.output<S> => schema.parse(JSON.parse(docRow.parse(row).doc)) as z.output<S>;

/** Every record of the SQLite file, read directly (the port has no "list everything"), parsed with the store's schemas. */
export function readSqlite(path: string) {
  let db: Database.Database;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
  } catch (error) {
    // A fresh Error: better-sqlite3's own error class may belong to another module copy (jest).
    throw new Error(`Cannot open the SQLite file ${path}: ${String((error as { message?: unknown } | null)?.message ?? error)}`);
  }
  try {
    const version = z.object({ v: z.number().nullable() }).parse(db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get()).v ?? 0;
    const known = Math.max(...MIGRATIONS.map((m) => m.version));
    if (version !== known) throw new Error(`The SQLite file is at schema version ${version}; this script knows version ${known}. Use the matching release.`);
    const all = (sql: string) => db.prepare(sql).all();
    return {
      cases: all('SELECT doc FROM cases ORDER BY submitted_at, ref').map((r) => parseDoc(caseRecordSchema, r)),
      audit: all('SELECT doc FROM audit ORDER BY seq').map((r) => parseDoc(auditEventSchema, r)),
      outbox: all('SELECT doc FROM outbox ORDER BY created_at, id').map((r) => parseDoc(outboxItemSchema, r)),
      drafts: all('SELECT doc FROM drafts ORDER BY id').map((r) => parseDoc(draftSchema, r)),
      conversations: all('SELECT doc FROM conversations ORDER BY key').map((r) => parseDoc(conversationRecordSchema, r)),
      state: all('SELECT key, doc FROM state ORDER BY key').map((r) => {
        const row = z.object({ key: z.string(), doc: z.string() }).parse(r);
        return { key: row.key, value: stateValueSchema.parse(JSON.parse(row.doc)) };
      }),
      accessRequests: all('SELECT doc FROM access_requests ORDER BY user_key').map((r) => parseDoc(accessRequestSchema, r)),
      reference: all('SELECT kind, doc FROM reference_items ORDER BY kind, id').map((r) => {
        const row = z.object({ kind: z.string(), doc: z.string() }).parse(r);
        return { kind: row.kind, item: referenceItemSchema.parse(JSON.parse(row.doc)) };
      }),
      counters: z.array(z.object({ year: z.number().int(), last: z.number().int() })).parse(all('SELECT year, last FROM reference_counters ORDER BY year')),
    };
  } finally {
    db.close();
  }
}

/** Copies one case: created through the port (with its submission marker), or replaced when the SQLite copy is newer. */
async function migrateCase(store: Store, record: CaseRecord): Promise<'copied' | 'updated' | 'unchanged'> {
  const existing = await store.getCase(record.ref);
  if (!existing) {
    const { created } = await store.createCase(record);
    if (created) return 'copied';
    throw new Error(`Case ${record.ref}: its submission key already names another case in Cosmos DB`);
  }
  if (Date.parse(record.updatedAt) <= Date.parse(existing.value.updatedAt)) return 'unchanged';
  await store.updateCase(record, existing.version);
  return 'updated';
}

/** Creates a document unless one with its id exists; true when it was created. */
async function createIfMissing(container: Container, body: Record<string, unknown>): Promise<boolean> {
  try {
    await container.items.create(body);
    return true;
  } catch (error) {
    if (cosmosStatus(error) === 409) return false;
    throw error;
  }
}

/** Raises a yearly reference counter to at least `last` (IfMatch, so a running bot's increments are never lost). */
async function raiseCounter(counters: Container, year: number, last: number): Promise<'copied' | 'updated' | 'unchanged'> {
  const id = `reference-${year}`;
  const current = await readDoc(counters, id, id);
  if (current === undefined) return (await createIfMissing(counters, { id, last })) ? 'copied' : raiseCounter(counters, year, last);
  if (z.object({ last: z.number() }).parse(current).last >= last) return 'unchanged';
  await counters.item(id, id).replace({ id, last }, { accessCondition: { type: 'IfMatch', condition: etagOf(current) } });
  return 'updated';
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const byId = <T extends { id: string }>(items: T[]) => [...items].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));

/** Copies everything in the SQLite file at `sqlitePath` into Cosmos DB; returns what it did per kind. */
export async function migrateSqliteToCosmos(sqlitePath: string, cosmos: CosmosConfig): Promise<MigrationReport> {
  const source = readSqlite(sqlitePath);
  const handles = await connectCosmos(cosmos);
  const store = cosmosStoreOn(handles);
  const report: MigrationReport = {};
  const count = (kind: string, outcome: 'copied' | 'updated' | 'unchanged') => {
    const entry = (report[kind] ??= { copied: 0, updated: 0, unchanged: 0 });
    entry[outcome] += 1;
  };
  const newer = (a: string, b: string) => Date.parse(a) > Date.parse(b);
  try {
    for (const record of source.cases) count('cases', await migrateCase(store, record));
    const { cases, counters } = handles.containers;
    for (const event of source.audit) count('audit', (await createIfMissing(cases, auditDoc(event))) ? 'copied' : 'unchanged');
    for (const item of source.outbox) count('outbox', (await createIfMissing(cases, outboxDoc({ ...item, leaseOwner: null, leaseUntil: null }))) ? 'copied' : 'unchanged');
    for (const draft of source.drafts) {
      const existing = await store.getDraft(draft.id);
      if (!existing) await store.saveDraft(draft, null);
      else if (newer(draft.updatedAt, existing.value.updatedAt)) await store.saveDraft(draft, existing.version);
      count('drafts', !existing ? 'copied' : newer(draft.updatedAt, existing.value.updatedAt) ? 'updated' : 'unchanged');
    }
    for (const conversation of source.conversations) {
      const existing = await store.getConversation(conversation.key);
      const write = !existing || newer(conversation.updatedAt, existing.updatedAt);
      if (write) await store.saveConversation(conversation);
      count('conversations', !existing ? 'copied' : write ? 'updated' : 'unchanged');
    }
    for (const { key, value } of source.state) {
      const found = (await store.readState([key]))[key];
      if (!found) await store.writeState(key, value);
      count('state', found ? 'unchanged' : 'copied');
    }
    const statuses = ['pending', 'approved', 'refused'] as const;
    const requested = new Set((await Promise.all(statuses.map((status) => store.listAccessRequests(status)))).flat().map((r) => r.userKey));
    for (const request of source.accessRequests) {
      if (!requested.has(request.userKey)) await store.upsertAccessRequest(request);
      count('accessRequests', requested.has(request.userKey) ? 'unchanged' : 'copied');
    }
    for (const kind of [...new Set(source.reference.map((r) => r.kind))]) {
      const items = byId(source.reference.filter((r) => r.kind === kind).map((r) => r.item));
      const current = await store.listReference(kind);
      const same = sameJson(byId(current.map((item) => referenceItemSchema.parse(item))), items);
      if (!same) await store.replaceReference(kind, items);
      count(`reference:${kind}`, same ? 'unchanged' : current.length === 0 ? 'copied' : 'updated');
    }
    for (const { year, last } of source.counters) count('counters', await raiseCounter(counters, year, last));
    return report;
  } finally {
    await store.close();
  }
}

/** Reads --from; undefined when --help was asked for. */
function parseArgs(argv: string[]): string | undefined {
  if (argv.includes('--help') || argv.includes('-h')) return undefined;
  const at = argv.indexOf('--from');
  const from = at >= 0 ? argv[at + 1] : undefined;
  if (!from || from.startsWith('--')) throw new Error('--from <path to the SQLite file> is required');
  return from;
}

async function main(): Promise<void> {
  const from = parseArgs(process.argv.slice(2));
  if (from === undefined) {
    process.stdout.write(HELP);
    return;
  }
  const config = loadConfig({ ...process.env, APP_MODE: 'local', STORE: 'cosmos' });
  if (config.store.kind !== 'cosmos') throw new Error('Cosmos DB settings are missing');
  const report = await migrateSqliteToCosmos(from, config.store);
  process.stdout.write(`${JSON.stringify({ event: 'migrate.done', from, database: config.store.database, report }, null, 2)}\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`migrate:cosmos failed: ${error instanceof ConfigError || error instanceof Error ? error.message : String(error)}\n\n${HELP}`);
    process.exit(1);
  });
}
