import { z } from 'zod';
import { NEED_CODES, PHASES } from '../../domain/case-record';
import { ROLES } from '../../domain/roles';

/** An enum whose error quotes the value and says what it should be. */
function namedEnum<T extends readonly [string, ...string[]]>(values: T, what: string) {
  return z.enum(values as unknown as [T[number], ...T[number][]], {
    errorMap: (issue, ctx) =>
      issue.code === 'invalid_enum_value' || issue.code === 'invalid_type'
        ? { message: `${JSON.stringify(ctx.data)} is not ${what} (${values.join(', ')})` }
        : { message: ctx.defaultError },
  });
}

export const needCodeField = namedEnum(NEED_CODES, 'a census need code');
export const phaseField = namedEnum(PHASES, 'a phase');
export const roleField = namedEnum(ROLES, 'a role');

/** A phone number, written with or without quotes (999 reads as a number in YAML). */
export const phoneField = z
  .union([z.string().trim().min(1), z.number().int().nonnegative()])
  .transform((v) => String(v));

/** A person reference: their AAD object id or UPN. */
export const personRefField = z.string().trim().min(1);
