import { intakeContext } from '../../../src/domain/intake';

/** Today for these tests: Monday 7 December 2026. */
export const TODAY = '2026-12-07';
export const KNOWN_SETTING = '100001';
export const context = intakeContext(TODAY, [KNOWN_SETTING, 'EY123456']);

/** A complete, valid request as the cards send it: every value a string. */
export function rawRequest(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    settingId: KNOWN_SETTING,
    requesterName: ' Ann Lee ',
    requesterRole: 'senco',
    requesterEmail: 'ann.lee@school.example.org.uk',
    requesterPhone: '01632 960123',
    initials: 'J.S.',
    yearGroup: 'Y3',
    dateOfBirth: '2018-05',
    senStatus: 'sen-support',
    upn: 'B801200005001',
    primaryNeed: 'SLCN',
    secondaryNeed: 'SEMH',
    concern: 'J finds it very hard to follow spoken instructions in class.\nShe often withdraws.',
    triedSoFar: 'Visual timetable; small-group language sessions.',
    reviewCycles: '2',
    whatChanged: 'Some progress with vocabulary.',
    otherAgencies: 'School nurse',
    helpWanted: 'advice,assessment',
    parentalConsent: 'true',
    childAtRisk: 'false',
    urgency: 'routine',
    ...overrides,
  };
}
