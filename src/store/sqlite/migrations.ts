import type { Database } from 'better-sqlite3';

/** One schema change, applied once, in order, inside a transaction. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/**
 * The London date of submitted_at (an ISO instant in UTC): British Summer Time runs from 01:00 UTC
 * on the last Sunday of March to 01:00 UTC on the last Sunday of October.
 */
const LONDON_DATE_SQL = `(CASE
  WHEN submitted_at >= date(substr(submitted_at, 1, 4) || '-03-25', 'weekday 0') || 'T01:00:00'
   AND submitted_at < date(substr(submitted_at, 1, 4) || '-10-25', 'weekday 0') || 'T01:00:00'
  THEN date(submitted_at, '+1 hour') ELSE date(submitted_at) END)`;

/** Every schema change, oldest first. Append only: never edit a migration that has shipped. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'initial schema',
    sql: `
      CREATE TABLE cases (
        ref TEXT PRIMARY KEY,
        submission_key TEXT NOT NULL UNIQUE,
        setting_id TEXT NOT NULL,
        status TEXT NOT NULL,
        claimant_key TEXT,
        first_response_due TEXT,
        submitted_at TEXT NOT NULL,
        doc TEXT NOT NULL,
        version INTEGER NOT NULL
      );
      CREATE INDEX cases_by_setting ON cases (setting_id, submitted_at DESC, ref DESC);
      CREATE INDEX cases_by_status ON cases (status, submitted_at, ref);
      CREATE INDEX cases_by_claimant ON cases (claimant_key, status, first_response_due);
      CREATE TABLE reference_counters (year INTEGER PRIMARY KEY, last INTEGER NOT NULL);
      CREATE TABLE drafts (
        id TEXT PRIMARY KEY,
        owner_key TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        doc TEXT NOT NULL,
        version INTEGER NOT NULL
      );
      CREATE INDEX drafts_by_owner ON drafts (owner_key, updated_at);
      CREATE INDEX drafts_by_updated ON drafts (updated_at);
      CREATE TABLE conversations (key TEXT PRIMARY KEY, doc TEXT NOT NULL);
      CREATE TABLE audit (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        case_ref TEXT,
        at TEXT NOT NULL,
        doc TEXT NOT NULL
      );
      CREATE INDEX audit_by_case ON audit (case_ref, at, id);
      CREATE TABLE outbox (
        id TEXT PRIMARY KEY,
        case_ref TEXT,
        status TEXT NOT NULL,
        next_attempt_at TEXT NOT NULL,
        lease_until TEXT,
        created_at TEXT NOT NULL,
        doc TEXT NOT NULL
      );
      CREATE INDEX outbox_due ON outbox (status, next_attempt_at);
      CREATE TABLE reference_items (kind TEXT NOT NULL, id TEXT NOT NULL, doc TEXT NOT NULL, PRIMARY KEY (kind, id));
      CREATE TABLE state (key TEXT PRIMARY KEY, doc TEXT NOT NULL, version INTEGER NOT NULL);
      CREATE TABLE access_requests (
        user_key TEXT PRIMARY KEY,
        status TEXT NOT NULL,
        requested_at TEXT NOT NULL,
        doc TEXT NOT NULL
      );
      CREATE INDEX access_requests_by_status ON access_requests (status, requested_at);
    `,
  },
  {
    version: 2,
    name: 'reporting columns and index',
    // Virtual columns read from the stored document (so no write path changes and old rows count
    // too), and one covering index: an insight card is a GROUP BY over an index range.
    sql: `
      ALTER TABLE cases ADD COLUMN submitted_month TEXT GENERATED ALWAYS AS (substr(${LONDON_DATE_SQL}, 1, 7)) VIRTUAL;
      ALTER TABLE cases ADD COLUMN phase TEXT GENERATED ALWAYS AS (json_extract(doc, '$.phase')) VIRTUAL;
      ALTER TABLE cases ADD COLUMN primary_need TEXT GENERATED ALWAYS AS (json_extract(doc, '$.primaryNeed')) VIRTUAL;
      ALTER TABLE cases ADD COLUMN routed INTEGER GENERATED ALWAYS AS (coalesce(json_array_length(doc, '$.routedTo'), 0) > 0) VIRTUAL;
      ALTER TABLE cases ADD COLUMN to_panel INTEGER GENERATED ALWAYS AS (json_extract(doc, '$.panelDue') IS NOT NULL) VIRTUAL;
      ALTER TABLE cases ADD COLUMN first_response_days INTEGER GENERATED ALWAYS AS (json_extract(doc, '$.measures.firstResponseWorkingDays')) VIRTUAL;
      ALTER TABLE cases ADD COLUMN within_set_time INTEGER GENERATED ALWAYS AS (json_extract(doc, '$.measures.withinSetTime')) VIRTUAL;
      CREATE INDEX cases_for_insight ON cases (
        submitted_at, submitted_month, phase, primary_need, status, routed, to_panel, first_response_days, within_set_time
      );
      CREATE INDEX cases_by_submitted ON cases (submitted_at, ref);
    `,
  },
  {
    version: 3,
    name: 'panel outcome column',
    // The panel's decision ('agreed' or 'not-agreed'), read from the document like migration 2's
    // columns. The covering index is rebuilt with it (same name, so the tally query keeps using it).
    sql: `
      ALTER TABLE cases ADD COLUMN panel_outcome TEXT GENERATED ALWAYS AS (json_extract(doc, '$.panel.decision.outcome')) VIRTUAL;
      DROP INDEX cases_for_insight;
      CREATE INDEX cases_for_insight ON cases (
        submitted_at, submitted_month, phase, primary_need, status, routed, to_panel, panel_outcome, first_response_days, within_set_time
      );
    `,
  },
];

/** Applies the migrations the database has not seen yet; returns the versions applied. */
export function applyMigrations(db: Database, migrations: readonly Migration[] = MIGRATIONS): number[] {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  const applied: number[] = [];
  const isApplied = db.prepare('SELECT 1 FROM schema_migrations WHERE version = ?');
  const record = db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))");
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    // IMMEDIATE: a second process starting at the same time waits, then sees the migration done.
    const applyOne = db.transaction(() => {
      if (isApplied.get(migration.version) !== undefined) return false;
      db.exec(migration.sql);
      record.run(migration.version, migration.name);
      return true;
    });
    if (applyOne.immediate()) applied.push(migration.version);
  }
  return applied;
}
