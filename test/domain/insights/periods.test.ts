import { easterSunday, monthsIn, namedPeriod, parsePeriod, schoolYearPeriod, termPeriod } from '../../../src/domain/insights/periods';

const period = (text: string, today = '2026-12-07') => {
  const choice = parsePeriod(text, today);
  if (choice.kind !== 'period') throw new Error(choice.problem);
  return choice.period;
};

describe('reporting periods', () => {
  it('knows Easter Sunday', () => {
    expect(['2024', '2025', '2026', '2027', '2038'].map((y) => easterSunday(Number(y)))).toEqual(['2024-03-31', '2025-04-20', '2026-04-05', '2027-03-28', '2038-04-25']);
  });

  it('splits the school year into autumn, spring (to Easter) and summer terms with no gap', () => {
    expect(termPeriod('2026-12-07')).toEqual({ from: '2026-09-01', to: '2026-12-31', label: 'Autumn term 2026' });
    expect(termPeriod('2026-04-05')).toEqual({ from: '2026-01-01', to: '2026-04-05', label: 'Spring term 2026' });
    expect(termPeriod('2026-04-06')).toEqual({ from: '2026-04-06', to: '2026-08-31', label: 'Summer term 2026' });
    expect(termPeriod('2026-08-31').label).toBe('Summer term 2026');
    expect(termPeriod('2026-09-01').label).toBe('Autumn term 2026');
  });

  it('reads the period a manager types', () => {
    expect(period('insights')).toEqual(termPeriod('2026-12-07'));
    expect(period('insights this month')).toEqual({ from: '2026-12-01', to: '2026-12-31', label: 'December 2026' });
    expect(period('Insights LAST month')).toEqual({ from: '2026-11-01', to: '2026-11-30', label: 'November 2026' });
    expect(period('insights last month', '2026-01-15')).toEqual({ from: '2025-12-01', to: '2025-12-31', label: 'December 2025' });
    expect(period('insights this year')).toEqual({ from: '2026-09-01', to: '2027-08-31', label: 'School year 2026 to 2027' });
    expect(period('insights last year', '2026-03-01')).toEqual({ from: '2024-09-01', to: '2025-08-31', label: 'School year 2024 to 2025' });
    expect(period('insights from 2026-09-01 to 2026-12-31')).toEqual({ from: '2026-09-01', to: '2026-12-31', label: '2026-09-01 to 2026-12-31' });
    expect(period('insights since 2026-11-02')).toEqual({ from: '2026-11-02', to: '2026-12-07', label: '2026-11-02 to 2026-12-07' });
  });

  it('says what is wrong with dates it cannot use', () => {
    expect(parsePeriod('insights from 2026-12-31 to 2026-09-01', '2026-12-07')).toEqual({ kind: 'problem', problem: 'The end date 2026-09-01 is before the start date 2026-12-31.' });
    expect(parsePeriod('insights from 2026-02-30', '2026-12-07').kind).toBe('problem');
    expect(parsePeriod('insights from 2010-01-01 to 2026-01-01', '2026-12-07').kind).toBe('problem');
  });

  it('lists the months a period touches', () => {
    expect(monthsIn(schoolYearPeriod('2026-12-07', -1))).toHaveLength(12);
    expect(monthsIn({ from: '2025-11-15', to: '2026-02-01' })).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsIn(namedPeriod('this-month', '2026-12-07'))).toEqual(['2026-12']);
  });
});
