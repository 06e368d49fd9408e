import { validateStep } from '../../../src/domain/intake';
import { VALID_STEP_INPUTS } from '../../support/intake-answers';

const requester = { ...VALID_STEP_INPUTS.requester, settingId: 'OAK' };

describe('validateStep with schemas built once', () => {
  it('checks each request against its own directory of settings, not the one before', () => {
    const oakKnown = { today: '2026-12-04', isKnownSetting: (id: string) => id === 'OAK' };
    const oakGone = { today: '2026-12-04', isKnownSetting: () => false };
    expect(validateStep('requester', requester, oakKnown).ok).toBe(true);
    const refused = validateStep('requester', requester, oakGone);
    expect(refused.ok).toBe(false);
    expect(refused.ok ? undefined : refused.errors.settingId).toMatch(/do not recognise that school/);
    expect(validateStep('requester', requester, oakKnown).ok).toBe(true);
  });

  it("checks the pupil's age against each request's own today", () => {
    const pupil = { ...VALID_STEP_INPUTS.pupil, dateOfBirth: '2026-11' };
    expect(validateStep('pupil', pupil, { today: '2026-12-04', isKnownSetting: () => true }).ok).toBe(true);
    const before = validateStep('pupil', pupil, { today: '2026-10-01', isKnownSetting: () => true });
    expect(before.ok ? undefined : before.errors.dateOfBirth).toBe('Date of birth must be a month and year in the past');
  });

  it('reads today only when a step needs it', () => {
    let reads = 0;
    const counting = {
      get today() {
        reads += 1;
        return '2026-12-04';
      },
      isKnownSetting: () => true,
    };
    expect(validateStep('need', VALID_STEP_INPUTS.need, counting).ok).toBe(true);
    expect(reads).toBe(0);
    expect(validateStep('pupil', VALID_STEP_INPUTS.pupil, counting).ok).toBe(true);
    expect(reads).toBeGreaterThan(0);
  });
});
