import { londonDate, londonSession } from '../../../src/domain/calendar';

describe('londonDate', () => {
  it('is the next day at 23:30 UTC on a summer evening', () => {
    expect(londonDate(new Date('2026-07-06T23:30:00Z'))).toBe('2026-07-07');
  });

  it('is the same day at 23:30 UTC in winter', () => {
    expect(londonDate(new Date('2026-12-07T23:30:00Z'))).toBe('2026-12-07');
  });

  it('follows the October clock change', () => {
    expect(londonDate(new Date('2026-10-24T22:59:00Z'))).toBe('2026-10-24'); // 23:59 BST Saturday
    expect(londonDate(new Date('2026-10-24T23:00:00Z'))).toBe('2026-10-25'); // 00:00 BST Sunday
    expect(londonDate(new Date('2026-10-25T23:59:00Z'))).toBe('2026-10-25'); // 23:59 GMT Sunday
  });

  it('follows the March clock change', () => {
    expect(londonDate(new Date('2027-03-27T23:30:00Z'))).toBe('2027-03-27'); // 23:30 GMT Saturday
    expect(londonDate(new Date('2027-03-28T23:30:00Z'))).toBe('2027-03-29'); // 00:30 BST Monday
  });
});

describe('londonSession', () => {
  it('is AM before noon and PM from noon, on the London clock', () => {
    expect(londonSession(new Date('2026-12-07T11:59:00Z'))).toBe('AM');
    expect(londonSession(new Date('2026-12-07T12:00:00Z'))).toBe('PM');
    expect(londonSession(new Date('2026-07-07T11:30:00Z'))).toBe('PM'); // 12:30 BST
    expect(londonSession(new Date('2026-07-06T23:30:00Z'))).toBe('AM'); // 00:30 BST
  });
});
