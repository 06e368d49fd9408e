import type { IsoDate } from '../calendar/iso-date';

/** What validation needs from outside the form: today's date and the directory of settings. */
export interface IntakeContext {
  /** Today's London date ('YYYY-MM-DD'), for the pupil's age. */
  today: IsoDate;
  /** True for a setting in the authority's directory (a set's `has`, bound, will do). */
  isKnownSetting(settingId: string): boolean;
}

/** As IntakeContext; `today: null` skips the age check, for re-reading a stored request later. */
export interface ShapeContext {
  today: IsoDate | null;
  isKnownSetting(settingId: string): boolean;
}

/** A context from a list of known setting ids. */
export function intakeContext(today: IsoDate, knownSettingIds: Iterable<string>): IntakeContext {
  const known = new Set(knownSettingIds);
  return { today, isKnownSetting: (id) => known.has(id) };
}
