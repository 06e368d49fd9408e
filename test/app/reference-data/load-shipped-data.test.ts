import { join } from 'node:path';
import { loadReferenceData } from '../../../src/app/reference-data/load-reference-data';
import { servicesMatching, whoIsOnDuty } from '../../../src/domain/reference';
import { ROLES } from '../../../src/domain/roles';
import { SAMPLE_PEOPLE } from '../../support/reference-fixtures';

const DATA_DIR = join(__dirname, '..', '..', '..', 'data');

describe('the shipped data/ folder', () => {
  it('loads, with the six local Teams users and the roles the local journeys need', async () => {
    const data = await loadReferenceData(DATA_DIR);
    const roles = (id: string) => data.people.find((p) => p.aadObjectId === id)?.roles.slice().sort();
    const alex = data.people.find((p) => p.id === SAMPLE_PEOPLE.alex);
    expect(alex).toMatchObject({ name: 'Alex Morgan', settingId: '900001' });
    expect(roles(SAMPLE_PEOPLE.alex)).toEqual([...ROLES].sort());
    expect(data.people.find((p) => p.id === SAMPLE_PEOPLE.priya)).toMatchObject({ name: 'Priya Shah', roles: ['setting-staff'], settingId: '900001' });
    expect(data.people.find((p) => p.id === SAMPLE_PEOPLE.sam)).toMatchObject({ name: 'Sam Patel', roles: ['duty-professional'] });
    expect(roles(SAMPLE_PEOPLE.jo)).toEqual(['duty-manager', 'panel-chair', 'panel-member']);
    expect(data.people.find((p) => p.id === SAMPLE_PEOPLE.chris)).toMatchObject({ name: 'Chris Evans', roles: ['panel-member'] });
    expect(data.people.find((p) => p.id === SAMPLE_PEOPLE.dana)).toMatchObject({ name: 'Dana Reid', roles: ['manager'] });
  });

  it('has Oakfield Primary School as URN 900001 and maps every GIAS phase', async () => {
    const data = await loadReferenceData(DATA_DIR);
    const phaseOf = (id: string) => data.settings.find((s) => s.id === id)?.phase;
    expect(data.settings.find((s) => s.id === '900001')).toMatchObject({ name: 'Oakfield Primary School', phase: 'primary', laCode: '999' });
    expect(data.settings.find((s) => s.id === '900003')?.name).toBe("St Mary's Catholic Primary School, Northgate");
    expect(phaseOf('900004')).toBe('early-years');
    expect(phaseOf('900005')).toBe('secondary');
    expect(phaseOf('900007')).toBe('all-through');
    expect(phaseOf('900008')).toBe('post-16');
    expect(phaseOf('900009')).toBe('special');
    expect(phaseOf('EY123456')).toBe('early-years');
    expect(data.settings.length).toBeGreaterThanOrEqual(12);
  });

  it('has the service catalogue, front-door settings and a rota with someone on duty every session', async () => {
    const data = await loadReferenceData(DATA_DIR);
    expect(data.services.map((s) => s.name)).toContain('Educational Psychology Service');
    expect(data.services.some((s) => /additional language/i.test(s.name))).toBe(false);
    expect(servicesMatching(data.services, 'HI', 'primary').map((s) => s.id)).toContain('sensory-needs');
    expect(data.frontDoor).toMatchObject({
      responseTimes: { firstResponse: 2, panelDecision: 10, schoolReplyReminder: 3 },
      dutyManagerId: SAMPLE_PEOPLE.jo,
      teams: { teamId: '19:isend-team@thread.tacv2', dutyChannelId: '19:front-door-duty@thread.tacv2', panelChannelId: '19:isend-team@thread.tacv2' },
    });
    expect(data.frontDoor.safeguarding.message).toContain('999');
    const week = ['2026-12-07', '2026-12-08', '2026-12-09', '2026-12-10', '2026-12-11', '2026-12-12', '2026-12-13'];
    for (const date of week) {
      expect(whoIsOnDuty(data.rota, date, 'AM').length).toBeGreaterThan(0);
      expect(whoIsOnDuty(data.rota, date, 'PM').length).toBeGreaterThan(0);
    }
  });
});
