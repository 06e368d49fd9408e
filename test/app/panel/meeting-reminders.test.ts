import { storeDirectory } from '../../../src/app/directory';
import { remindPanelMeetings } from '../../../src/app/panel/meeting-reminders';
import { importReferenceData } from '../../../src/app/reference-data/import-reference-data';
import { loadReferenceData } from '../../../src/app/reference-data/load-reference-data';
import { workingDayCalendar } from '../../../src/domain/calendar';
import { EMPTY_PANEL } from '../../../src/domain/panel';
import type { Store } from '../../../src/ports/store';
import { openStore } from '../../../src/store/open-store';
import { fakeCards } from '../../support/fake-cards';
import { aCase } from '../../store/mothers';

let store: Store;
const calendar = workingDayCalendar([]);
const deps = (now: string) => ({ store, directory: storeDirectory(store), clock: { now: () => new Date(now) }, ids: { next: () => Math.random().toString(36).slice(2) }, cards: fakeCards });

beforeEach(async () => {
  store = await openStore({ kind: 'sqlite', path: ':memory:' });
  await importReferenceData(store, await loadReferenceData('data'));
  for (const [ref, meetingDate] of [['FD-2026-00003', '2026-12-14'], ['FD-2026-00001', '2026-12-14'], ['FD-2026-00002', '2026-12-16']] as const) {
    await store.createCase(aCase({ ref, status: 'panel', panel: { ...EMPTY_PANEL, meetingDate } }));
  }
});
afterEach(async () => {
  await store.close();
});

async function remind(today: string): Promise<string[]> {
  const cases = await store.listCasesByStatus(['panel'], 100);
  return remindPanelMeetings(deps(`${today}T09:00:00Z`), cases, calendar, today);
}

describe('panel meeting reminders', () => {
  it('reminds on the working day before the meeting (Friday for a Monday meeting), once, in the agenda thread', async () => {
    expect(await remind('2026-12-10')).toEqual([]);
    expect(await remind('2026-12-11')).toEqual(['2026-12-14']);
    expect(await remind('2026-12-11')).toEqual([]);
    const [reminder] = (await store.listOutbox('pending', 10)).filter((i) => i.kind === 'thread-reply');
    expect(reminder).toMatchObject({ target: 'agenda:2026-12-14' });
    expect(JSON.stringify(reminder?.payload)).toContain('On the agenda: FD-2026-00001, FD-2026-00003');
    expect((await store.getCase('FD-2026-00001'))?.value.panel.meetingReminded).toBe('2026-12-14');
  });

  it('does nothing on a weekend, and reminds each meeting on its own day before', async () => {
    expect(await remind('2026-12-12')).toEqual([]);
    expect(await remind('2026-12-15')).toEqual(['2026-12-16']);
  });

  it('sends one reminder when two sweeps run at once', async () => {
    await Promise.all([remind('2026-12-11'), remind('2026-12-11')]);
    expect((await store.listOutbox('pending', 10)).filter((i) => i.kind === 'thread-reply')).toHaveLength(1);
  });
});
