import type { CaseRecord } from '../../../src/domain/case-record';
import { EMPTY_PANEL, type PanelOutcome, type PanelState } from '../../../src/domain/panel';
import type { Store } from '../../../src/ports/store';
import { aCase } from '../mothers';

const measures = (days: number, within: boolean): CaseRecord['measures'] => ({
  firstResponseWorkingDays: days,
  firstResponseHours: days * 24,
  withinSetTime: within,
  pausedWorkingDays: 0,
});
const MARCH_2026 = { from: '2026-03-01T00:00:00.000Z', to: '2026-04-01T00:00:00.000Z' };

/** A panel that has decided: a package with one service, or "not agreed" with advice. */
const decidedPanel = (outcome: PanelOutcome): PanelState => {
  const services = outcome === 'agreed' ? ['educational-psychology'] : [];
  const at = '2026-03-16T15:00:00.000Z';
  return {
    ...EMPTY_PANEL,
    decision: {
      at,
      byKey: 'tenant:chair',
      outcome,
      package: services.map((serviceId) => ({ serviceId, action: 'Assess', lead: 'Lead EP' })),
      schoolWords: 'What the panel decided',
      measures: {
        escalatedAt: '2026-03-04T10:00:00.000Z',
        hoursToDecision: 293,
        workingDaysToDecision: 8,
        withinSetTime: true,
        outcome,
        services,
        votes: { support: 2, supportWithChanges: 0, doNotSupport: 1 },
      },
    },
  };
};

/** Reporting reads: tallies by the facts the insight cards count, and cases in submission order for the CSV export. */
export function describeReportingContract(store: () => Store): void {
  describe('reporting', () => {
    it('counts cases submitted in the range by month, phase, need, status, route and first response', async () => {
      const base = { submittedAt: '2026-03-02T09:00:00.000Z', phase: 'primary' as const, primaryNeed: 'SEMH' as const };
      await store().createCase(aCase(base));
      await store().createCase(aCase({ ...base, submittedAt: '2026-03-03T09:00:00.000Z' }));
      await store().createCase(aCase({ ...base, status: 'routed', routedTo: ['educational-psychology'], measures: measures(1, true) }));
      await store().createCase(aCase({ ...base, phase: 'secondary', status: 'panel', panelDue: '2026-03-20', measures: measures(3, false) }));
      await store().createCase(aCase({ ...base, submittedAt: '2026-02-27T09:00:00.000Z' }));
      await store().createCase(aCase({ ...base, submittedAt: '2026-04-01T00:00:00.000Z' }));

      const tallies = await store().tallyCases(MARCH_2026);
      const common = { month: '2026-03', primaryNeed: 'SEMH' };
      expect(tallies).toHaveLength(3);
      expect(tallies).toEqual(
        expect.arrayContaining([
          { ...common, phase: 'primary', status: 'submitted', routed: false, panel: false, panelOutcome: null, firstResponseDays: null, withinSetTime: null, count: 2 },
          { ...common, phase: 'primary', status: 'routed', routed: true, panel: false, panelOutcome: null, firstResponseDays: 1, withinSetTime: true, count: 1 },
          { ...common, phase: 'secondary', status: 'panel', routed: false, panel: true, panelOutcome: null, firstResponseDays: 3, withinSetTime: false, count: 1 },
        ]),
      );
    });

    it('counts a case in its London month and follows it through updates', async () => {
      // 23:30 UTC on 31 March 2026 is 00:30 on 1 April in London (summer time).
      const lateMarch = aCase({ submittedAt: '2026-03-31T23:30:00.000Z' });
      const { case: created } = await store().createCase(lateMarch);
      const range = { from: '2026-03-31T00:00:00.000Z', to: '2026-04-02T00:00:00.000Z' };
      expect((await store().tallyCases(range)).map((t) => [t.month, t.status, t.count])).toEqual([['2026-04', 'submitted', 1]]);

      await store().updateCase({ ...lateMarch, status: 'advised', measures: measures(0, true) }, created.version);
      expect((await store().tallyCases(range)).map((t) => [t.status, t.firstResponseDays, t.withinSetTime, t.count])).toEqual([['advised', 0, true, 1]]);
      expect(await store().tallyCases({ from: '2026-05-01T00:00:00.000Z', to: '2026-06-01T00:00:00.000Z' })).toEqual([]);
    });

    it("counts the panel's outcomes, agreed and not agreed, and follows a case to its decision", async () => {
      const atPanel = { status: 'panel' as const, panelDue: '2026-03-20', measures: measures(2, true) };
      await store().createCase(aCase({ ...atPanel, status: 'decided', panel: decidedPanel('agreed') }));
      await store().createCase(aCase({ ...atPanel, status: 'decided', panel: decidedPanel('agreed') }));
      await store().createCase(aCase({ ...atPanel, status: 'decided', panel: decidedPanel('not-agreed') }));
      const waiting = aCase(atPanel);
      const { case: created } = await store().createCase(waiting);
      const outcomes = async () =>
        (await store().tallyCases(MARCH_2026)).map((t) => [t.status, t.panelOutcome, t.count]).sort((a, b) => String(a).localeCompare(String(b)));

      expect(await outcomes()).toEqual([
        ['decided', 'agreed', 2],
        ['decided', 'not-agreed', 1],
        ['panel', null, 1],
      ]);

      await store().updateCase({ ...waiting, status: 'decided', panel: decidedPanel('not-agreed') }, created.version);
      expect(await outcomes()).toEqual([
        ['decided', 'agreed', 2],
        ['decided', 'not-agreed', 2],
      ]);
    });

    it('lists cases submitted in the range oldest first, page by page after a cursor', async () => {
      const inRange = ['2026-03-05T10:00:00.000Z', '2026-03-02T10:00:00.000Z', '2026-03-02T10:00:00.000Z', '2026-03-20T10:00:00.000Z'].map((at) =>
        aCase({ submittedAt: at }),
      );
      for (const record of [...inRange, aCase({ submittedAt: '2026-04-02T10:00:00.000Z' })]) await store().createCase(record);
      const expected = [...inRange].sort((a, b) => a.submittedAt.localeCompare(b.submittedAt) || a.ref.localeCompare(b.ref)).map((c) => c.ref);

      const first = await store().listCasesSubmitted(MARCH_2026, null, 3);
      const last = first[first.length - 1];
      if (!last) throw new Error('no first page');
      const second = await store().listCasesSubmitted(MARCH_2026, { submittedAt: last.submittedAt, ref: last.ref }, 3);
      expect([...first, ...second].map((c) => c.ref)).toEqual(expected);
      expect(first[0]).toEqual(inRange.find((c) => c.ref === expected[0]));
      expect(await store().listCasesSubmitted(MARCH_2026, null, 0)).toEqual([]);
    });
  });
}
