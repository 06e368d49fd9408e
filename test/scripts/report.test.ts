import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { csvLine, REPORT_COLUMNS } from '../../src/app/insights/case-report';
import { openStore } from '../../src/store/open-store';
import { reportArgs, runReport, summaryPath } from '../../scripts/report';
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
      const out = join(dir.path, 'report.csv');

      expect(await runReport(store, { from: '2026-09-01', to: '2026-12-31', out })).toBe(2);

      const lines = (await readFile(out, 'utf8')).trimEnd().split('\r\n');
      expect(lines[0]).toBe(REPORT_COLUMNS.join(','));
      expect(lines).toHaveLength(3);
      expect(lines[2]).toContain('FD-2026-00011,2026-10-02,2026-10,setting-oak-primary,primary,HI,Sensory and/or physical');
      expect(lines[2]).toContain(',routed,services,');
      expect(lines[2]).toContain('educational-psychology;sensory-needs');
      const all = lines.join('\n');
      for (const secret of ['J.S.', 'A123456789012', '2018-05', 'spoken instructions', 'FD-2026-00012']) expect(all).not.toContain(secret);

      const summary = (await readFile(summaryPath(out), 'utf8')).split('\r\n');
      expect(summary).toEqual(expect.arrayContaining(['metric,value', 'period,2026-09-01 to 2026-12-31', 'requests,2', 'need:HI,1', 'route:services,1', 'month:2026-11,0']));
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
