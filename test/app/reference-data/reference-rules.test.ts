import { londonDateAndSession, phaseFromGias, servicesMatching, weekdayOf, whoIsOnDuty, type Rota } from '../../../src/domain/reference';
import type { NeedCode, Phase } from '../../../src/domain/case-record';
import { aService } from '../../support/reference-fixtures';

describe('GIAS phases', () => {
  it.each([
    ['Primary', 'Community school', 'primary'],
    ['Middle deemed primary', 'Foundation school', 'primary'],
    ['Secondary', 'Academy converter', 'secondary'],
    ['Middle deemed secondary', 'Academy converter', 'secondary'],
    ['All-through', 'Academy sponsor led', 'all-through'],
    ['16 plus', 'Sixth form centres', 'post-16'],
    ['Not applicable', 'Further education', 'post-16'],
    ['Nursery', 'Local authority nursery school', 'early-years'],
    ['Not applicable', 'Local authority nursery school', 'early-years'],
    ['Not applicable', 'Community special school', 'special'],
    ['Secondary', 'Academy special converter', 'special'],
    ['Not applicable', 'Pupil referral unit', 'other'],
  ])('%s / %s is %s', (phase, type, expected) => {
    expect(phaseFromGias(phase, type)).toBe(expected);
  });
});

describe('who is on duty', () => {
  const rota: Rota = {
    weekly: [
      { weekday: 'monday', session: 'AM', personIds: ['sam'] },
      { weekday: 'monday', session: 'PM', personIds: ['ravi'] },
    ],
    dates: [
      { date: '2026-12-14', session: 'AM', personIds: ['ravi', 'alex'] },
      { date: '2026-12-21', session: 'PM', personIds: [] },
    ],
  };

  it('follows the weekly pattern', () => {
    expect(weekdayOf('2026-12-07')).toBe('monday');
    expect(whoIsOnDuty(rota, '2026-12-07', 'AM')).toEqual(['sam']);
    expect(whoIsOnDuty(rota, '2026-12-07', 'PM')).toEqual(['ravi']);
    expect(whoIsOnDuty(rota, '2026-12-08', 'AM')).toEqual([]);
  });

  it('lets a dated entry replace that session only, even with nobody', () => {
    expect(whoIsOnDuty(rota, '2026-12-14', 'AM')).toEqual(['ravi', 'alex']);
    expect(whoIsOnDuty(rota, '2026-12-14', 'PM')).toEqual(['ravi']);
    expect(whoIsOnDuty(rota, '2026-12-21', 'AM')).toEqual(['sam']);
    expect(whoIsOnDuty(rota, '2026-12-21', 'PM')).toEqual([]);
  });

  it('takes the date and session in London time, summer and winter', () => {
    expect(londonDateAndSession(new Date('2026-12-07T11:59:00Z'))).toEqual({ date: '2026-12-07', session: 'AM' });
    expect(londonDateAndSession(new Date('2026-12-07T12:00:00Z'))).toEqual({ date: '2026-12-07', session: 'PM' });
    expect(londonDateAndSession(new Date('2026-07-06T11:30:00Z'))).toEqual({ date: '2026-07-06', session: 'PM' });
    expect(londonDateAndSession(new Date('2026-07-06T23:30:00Z'))).toEqual({ date: '2026-07-07', session: 'AM' });
  });
});

describe('services matching a need and phase', () => {
  const catalogue = [
    aService({ id: 'eps', needCodes: ['SpLD', 'SEMH', 'ASD'], phases: ['early-years', 'primary', 'secondary', 'post-16'] }),
    aService({ id: 'learning-support', needCodes: ['SpLD', 'MLD'], phases: ['primary', 'secondary'] }),
    aService({ id: 'early-years', needCodes: ['SpLD', 'ASD', 'HI'], phases: ['early-years'] }),
    aService({ id: 'sensory', needCodes: ['HI', 'VI', 'MSI'], phases: ['primary', 'secondary', 'special'] }),
  ];
  const ids = (need: NeedCode, phase: Phase) => servicesMatching(catalogue, need, phase).map((s) => s.id);

  it('suggests services that take both the need and the phase, in catalogue order', () => {
    expect(ids('SpLD', 'primary')).toEqual(['eps', 'learning-support']);
    expect(ids('SpLD', 'early-years')).toEqual(['eps', 'early-years']);
    expect(ids('HI', 'special')).toEqual(['sensory']);
    expect(ids('PD', 'primary')).toEqual([]);
    expect(ids('MLD', 'post-16')).toEqual([]);
  });

  it('treats an all-through setting as served by primary or secondary services', () => {
    expect(ids('MLD', 'all-through')).toEqual(['learning-support']);
    expect(ids('HI', 'all-through')).toEqual(['sensory']);
  });
});
