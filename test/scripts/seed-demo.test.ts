import { caseRecordSchema } from '../../src/domain/case-record';
import { syntheticCases, type SeedOptions } from '../../scripts/seed-demo';

const OPTIONS: SeedOptions = { cases: 5_000, until: '2026-12-07', seed: 7, settingIds: ['900001', '900002'], serviceIds: ['educational-psychology'] };

describe('npm run seed:demo', () => {
  const cases = [...syntheticCases(OPTIONS)];

  it('makes exactly the cases asked for, valid, unique, over four school years, the same every time', () => {
    expect(cases).toHaveLength(5_000);
    expect(new Set(cases.map((c) => c.ref)).size).toBe(5_000);
    for (const c of cases.slice(0, 200)) expect(caseRecordSchema.parse(c)).toEqual(c);
    expect(cases[0]?.submittedAt.slice(0, 7)).toBe('2022-09');
    expect((cases[cases.length - 1]?.submittedAt ?? '').slice(0, 10) <= '2026-12-07').toBe(true);
    expect([...syntheticCases(OPTIONS)].slice(0, 50)).toEqual(cases.slice(0, 50));
  });

  it('has seasonal demand on school days, and more SEMH than PMLD', () => {
    const inMonth = (m: string) => cases.filter((c) => c.submittedAt.slice(5, 7) === m).length;
    expect(inMonth('10')).toBeGreaterThan(inMonth('08') * 4);
    expect(cases.every((c) => ![0, 6].includes(new Date(c.submittedAt).getUTCDay()))).toBe(true);
    const need = (n: string) => cases.filter((c) => c.primaryNeed === n).length;
    expect(need('SEMH')).toBeGreaterThan(need('PMLD') * 5);
  });

  it('sends fewer cases to panel in recent years, and leaves only recent cases open', () => {
    const panelShare = (year: string) => {
      const inYear = cases.filter((c) => c.submittedAt.startsWith(year));
      return inYear.filter((c) => c.panelDue !== null).length / inYear.length;
    };
    expect(panelShare('2023')).toBeGreaterThan(panelShare('2026'));
    expect(cases.filter((c) => c.status === 'submitted').every((c) => c.submittedAt >= '2026-11-01')).toBe(true);
  });

  it('gives every decided panel case a valid decision: mostly a package agreed, some not agreed', () => {
    const decided = cases.filter((c) => c.status === 'decided');
    expect(decided.length).toBeGreaterThan(100);
    for (const c of decided) expect(caseRecordSchema.parse(c)).toEqual(c);
    const outcomes = decided.map((c) => c.panel.decision?.outcome);
    const agreed = outcomes.filter((o) => o === 'agreed').length;
    const notAgreed = outcomes.filter((o) => o === 'not-agreed').length;
    expect(agreed + notAgreed).toBe(decided.length);
    expect(agreed / decided.length).toBeGreaterThan(0.65);
    expect(notAgreed / decided.length).toBeGreaterThan(0.1);
    for (const c of decided) {
      const d = c.panel.decision;
      expect(d?.package.length ?? 0).toBe(d?.outcome === 'agreed' ? d.measures.services.length : 0);
      if (d?.outcome === 'agreed') expect(d.package.length).toBeGreaterThan(0);
      expect(c.panel.votes.length).toBeGreaterThanOrEqual(3);
      expect(d !== null && d !== undefined && d.at >= (c.firstResponseAt ?? '') && d.at.slice(0, 10) <= OPTIONS.until).toBe(true);
    }
    expect(cases.filter((c) => c.status !== 'decided').every((c) => c.panel.decision === null)).toBe(true);
  });

  it('holds no pupil details', () => {
    expect(cases.every((c) => JSON.stringify(c.request) === '{"demo":true}')).toBe(true);
  });
});
