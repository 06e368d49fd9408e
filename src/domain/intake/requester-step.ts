import { z } from 'zod';
import { addFieldIssue, asText, choiceField, optionalField, parsedTextField, textField } from './fields';
import type { ShapeContext } from './intake-context';

export const REQUESTER_ROLES = ['senco', 'headteacher', 'teacher', 'early-years-practitioner', 'other'] as const;
export type RequesterRole = (typeof REQUESTER_ROLES)[number];
export const REQUESTER_ROLE_LABELS: Readonly<Record<RequesterRole, string>> = {
  senco: 'SENCO',
  headteacher: 'Headteacher',
  teacher: 'Teacher',
  'early-years-practitioner': 'Early years practitioner',
  other: 'Other',
};

/**
 * A UK phone number in its compact form ('01632960123'): spaces, brackets, dots and hyphens are
 * dropped and +44 / 0044 (with or without "(0)") become 0. 10 or 11 digits starting 0 are accepted.
 */
export function parseUkPhone(text: string): string | undefined {
  if (text.length > 30) return undefined;
  const compact = text.replace(/[\s().-]/g, '');
  const national = compact.replace(/^(?:\+44|0044)0?/, '0');
  return /^0[1-9]\d{8,9}$/.test(national) ? national : undefined;
}

const EMAIL_MAX = 254;
const EMAIL_FORM = z.string().email();

/** Step 1: who is asking, and for which setting. */
export function requesterShape(context: ShapeContext) {
  return {
    settingId: z.unknown().transform((raw, ctx) => {
      const id = asText(raw)?.trim() ?? '';
      if (id === '') return addFieldIssue(ctx, 'Choose your school or setting from the list');
      if (!context.isKnownSetting(id)) {
        return addFieldIssue(ctx, 'We do not recognise that school or setting: choose it from the list, or call the front door if it is missing');
      }
      return id;
    }),
    requesterName: textField({ label: 'Your name', max: 100, empty: 'Enter your name' }),
    requesterRole: choiceField(REQUESTER_ROLES, 'Choose your role: SENCO, headteacher, teacher, early years practitioner or other', {
      'head teacher': 'headteacher',
      SENCo: 'senco',
      'early years': 'early-years-practitioner',
    }),
    requesterEmail: z.unknown().transform((raw, ctx) => {
      const email = asText(raw)?.trim() ?? '';
      if (email === '') return addFieldIssue(ctx, 'Enter your email address');
      if (email.length > EMAIL_MAX || !EMAIL_FORM.safeParse(email).success) {
        return addFieldIssue(ctx, 'Enter your email address in the right form, like name@school.org.uk');
      }
      return email;
    }),
    requesterPhone: optionalField(
      parsedTextField('Enter a UK phone number, like 01632 960123 or 07700 900123, or leave it blank', parseUkPhone),
    ),
  };
}
