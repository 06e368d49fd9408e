import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { CASE_STATUSES, NEED_CODES, PHASES, caseRecordSchema } from '../../domain/case-record';
import { mergeTallies, type CaseTally } from '../../domain/insights/case-tally';
import { PANEL_OUTCOMES } from '../../domain/panel';
import type { ReportingStore } from '../../ports/store';
import { guarded, parseJson } from './sqlite-database';

const tallyRowSchema = z.object({
  month: z.string().regex(/^\d{4}-\d{2}$/),
  phase: z.enum(PHASES),
  primaryNeed: z.enum(NEED_CODES),
  status: z.enum(CASE_STATUSES),
  routed: z.number().int(),
  panel: z.number().int(),
  panelOutcome: z.enum(PANEL_OUTCOMES).nullable(),
  firstResponseDays: z.number().int().nullable(),
  withinSetTime: z.number().int().nullable(),
  count: z.number().int().positive(),
});

const toTally = (row: unknown): CaseTally => {
  const r = tallyRowSchema.parse(row);
  return { ...r, routed: r.routed === 1, panel: r.panel === 1, withinSetTime: r.withinSetTime === null ? null : r.withinSetTime === 1 };
};

/** Reporting reads on SQLite: one GROUP BY over the covering index cases_for_insight (migrations 2 and 3). */
export function sqliteReportingStore(db: Database): ReportingStore {
  const tally = db.prepare<[string, string], unknown>(
    `SELECT submitted_month AS month, phase, primary_need AS primaryNeed, status, routed, to_panel AS panel,
            panel_outcome AS panelOutcome, first_response_days AS firstResponseDays, within_set_time AS withinSetTime, COUNT(*) AS count
     FROM cases INDEXED BY cases_for_insight
     WHERE submitted_at >= ? AND submitted_at < ?
     GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9`,
  );
  const firstPage = db.prepare<[string, string, number], { doc: string }>(
    'SELECT doc FROM cases WHERE submitted_at >= ? AND submitted_at < ? ORDER BY submitted_at, ref LIMIT ?',
  );
  const nextPage = db.prepare<[string, string, string, string, string, number], { doc: string }>(
    `SELECT doc FROM cases WHERE submitted_at >= ? AND submitted_at < ? AND (submitted_at > ? OR (submitted_at = ? AND ref > ?))
     ORDER BY submitted_at, ref LIMIT ?`,
  );
  return {
    tallyCases: (range) => guarded(() => mergeTallies(tally.all(range.from, range.to).map(toTally))),
    listCasesSubmitted: (range, after, limit) =>
      guarded(() => {
        if (limit <= 0) return [];
        const rows = after
          ? nextPage.all(range.from, range.to, after.submittedAt, after.submittedAt, after.ref, limit)
          : firstPage.all(range.from, range.to, limit);
        return rows.map((row) => caseRecordSchema.parse(parseJson(row.doc)));
      }),
  };
}
