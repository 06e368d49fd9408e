import { z } from 'zod';
import { addFieldIssue, asText, choiceField, optionalField } from './fields';
import type { ShapeContext } from './intake-context';
import { MAX_AGE_YEARS, SEN_STATUSES, YEAR_GROUP_ALIASES, YEAR_GROUPS, monthsSinceBirth, parseBirthMonth } from './pupil-details';
import { checkUpn, normaliseUpn } from './upn';

const INITIALS_MESSAGE = "Enter the pupil's initials, up to 4 letters";
const DOB_FORMAT_MESSAGE = 'Enter the date of birth as a month and year, like 2015-09';

/** "J.S.", "j s" and "J-S" all become "JS"; anything but 1 to 4 letters is refused (so never a full name). */
export function normaliseInitials(text: string): string | undefined {
  const letters = text.replace(/[\s.'’-]/g, '').toUpperCase();
  return /^\p{L}{1,4}$/u.test(letters) ? letters : undefined;
}

/** Step 2: the pupil, identified only as far as the services need. */
export function pupilShape(context: ShapeContext) {
  return {
    initials: z.unknown().transform((raw, ctx) => normaliseInitials(asText(raw) ?? '') ?? addFieldIssue(ctx, INITIALS_MESSAGE)),
    yearGroup: choiceField(YEAR_GROUPS, "Choose the pupil's year group or, for under-fives, their age band", YEAR_GROUP_ALIASES),
    dateOfBirth: z.unknown().transform((raw, ctx) => {
      const text = asText(raw)?.trim() ?? '';
      if (text === '') return addFieldIssue(ctx, "Enter the pupil's date of birth: month and year only");
      const month = parseBirthMonth(text);
      if (month === undefined) return addFieldIssue(ctx, DOB_FORMAT_MESSAGE);
      if (context.today === null) return month;
      const months = monthsSinceBirth(month, context.today);
      if (months < 0) return addFieldIssue(ctx, 'Date of birth must be a month and year in the past');
      if (months >= (MAX_AGE_YEARS + 1) * 12) {
        return addFieldIssue(ctx, `Date of birth must be within the last ${MAX_AGE_YEARS} years: the front door supports children and young people up to ${MAX_AGE_YEARS}`);
      }
      return month;
    }),
    senStatus: choiceField(SEN_STATUSES, "Choose the pupil's SEN status: none, SEN support or EHC plan", {
      'no sen': 'none',
      ehcp: 'ehc-plan',
      'ehc plan': 'ehc-plan',
    }),
    upn: optionalField(
      z.unknown().transform((raw, ctx) => {
        const upn = normaliseUpn(asText(raw) ?? '');
        const check = checkUpn(upn);
        if (check === 'format') return addFieldIssue(ctx, 'A unique pupil number is a letter followed by 12 digits: check it, or leave it blank');
        if (check === 'check-letter') {
          return addFieldIssue(ctx, "That unique pupil number is not right (its first letter does not match the digits): check it against the school's records, or leave it blank");
        }
        return upn;
      }),
    ),
  };
}
