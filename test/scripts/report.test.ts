import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { csvLine, REPORT_COLUMNS } from '../../src/app/insights/case-report';
import { openStore } from '../../src/store/open-store';
import { reportArgs, runReport, summaryPath } from '../../scripts/report';
import { syntheticCases } from '../../scripts/seed-demo';
import { makeTempDir } from '../support/temp-dir';
import { aCase } from '../store/mothers';

describe('npm run report', () => {
  it('writes one row per case in the period, with no pupil details, and a summary file', async () => {
    const dir = await makeTempDir('report-');
    const store = await openStore({ kind: 'sqlite', path: ':memory:' });
    try {
      const pupil = { initials: 'J.S.', upn: 'A123456789012', dateOfBirth: '2018-05', concern: 'Finds spoken instructions hard' };
      await store.createCase(aCase({ ref: 'FD-2026-00010', submittedAt: '2026-09-02T09:00:00.000Z', request: pupil }));
      await store.createCase(aCase({ ref: 'FD-2026-00011', submittedAt: '2026-10-02T09:00:00.000Z', status: 'routed', routedTo: ['educational-psychology', 'sensory-needs'], primaryNeed: 'HI', request: pupil }));
      await store.createCase(aCase({ ref: 'FD-2026-00012', submittedAt: '2027-01-04T09:00:00.000Z', request: pupil }));
      const demo = [...syntheticCases({ cases: 2_000, until: '2026-12-07', seed: 7, settingIds: ['setting-oak-primary'], serviceIds: ['educational-psychology'] })];
      const notAgreed = demo.find((c) => c.panel.decision?.outcome === 'not-agreed');
      if (!notAgreed) throw new Error('no not-agreed demo case');
      await store.createCase({ ...notAgreed, ref: 'FD-2026-00013', submissionKey: 'not-agreed', submittedAt: '2026-11-02T09:00:00.000Z', panelDue: '2026-11-18', primaryNeed: 'SEMH', request: pupil });
      const out = join(dir.path, 'report.csv');

      expect(await runReport(store, { from: '2026-09-01', to: '2026-12-31', out })).toBe(3);

      const lines = (await readFile(out, 'utf8')).trimEnd().split('\r\n');
      expect(lines[0]).toBe(REPORT_COLUMNS.join(','));
      expect(lines).toHaveLength(4);
      expect(lines[2]).toContain('FD-2026-00011,2026-10-02,2026-10,setting-oak-primary,primary,HI,Sensory and/or physical');
      expect(lines[2]).toContain(',routed,services,');
      expect(lines[2]).toContain('educational-psychology;sensory-needs');
      const cells = (line = '') => [...line.matchAll(/(?:^|,)("(?:[^"]|"")*"|[^,]*)/g)].map((m) => (m[1] ?? '').replace(/^"|"$/g, ''));
      const cell = (line: string | undefined, column: (typeof REPORT_COLUMNS)[number]) => cells(line)[REPORT_COLUMNS.indexOf(column)];
      expect([cell(lines[3], 'status'), cell(lines[3], 'went_to_panel'), cell(lines[3], 'panel_outcome'), cell(lines[3], 'unmet_need')]).toEqual(['decided', 'yes', 'not-agreed', 'panel-not-agreed']);
      expect(cell(lines[2], 'panel_outcome')).toBe('');
      const all = lines.join('\n');
      for (const secret of ['J.S.', 'A123456789012', '2018-05', 'spoken instructions', 'FD-2026-00012']) expect(all).not.toContain(secret);

      const summary = (await readFile(summaryPath(out), 'utf8')).split('\r\n');
      expect(summary).toEqual(
        expect.arrayContaining(['metric,value', 'period,2026-09-01 to 2026-12-31', 'requests,3', 'need:HI,1', 'route:services,1', 'month:2026-11,1', 'panel_outcome:agreed,0', 'panel_outcome:not_agreed,1', 'unmet:panel_not_agreed,1']),
      );
    } finally {
      await store.close();
      await dir.remove();
    }
  });

  it('reads its options and refuses a period it cannot use', () => {
    expect(reportArgs(['--from', '2026-09-01', '--to', '2026-12-31', '--out', 'x.csv'], '2026-12-07')).toEqual({ from: '2026-09-01', to: '2026-12-31', out: 'x.csv' });
    expect(reportArgs(['--to', '2026-12-31'], '2026-12-07')).toMatchObject({ problem: expect.stringContaining('Usage') });
    expect(reportArgs(['--from', '2026-12-31', '--to', '2026-09-01'], '2026-12-07')).toMatchObject({ problem: expect.stringContaining('before the start date') });
    expect(summaryPath('out/report.csv')).toBe('out/report.summary.csv');
  });

  it('quotes cells a spreadsheet would split or run', () => {
    expect(csvLine(['a,b', 'say "hi"', '=SUM(A1)', 'plain'])).toBe('"a,b","say ""hi""",\'=SUM(A1),plain');
  });
});
