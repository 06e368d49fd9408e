import { z } from 'zod';

/** Control characters (Unicode Cc). Long text may keep newlines and tabs; short text may not. */
const ANY_CONTROL = /\p{Cc}/u;
const CONTROL_EXCEPT_NEWLINE_TAB = /(?![\n\t])\p{Cc}/u;

/** Card inputs arrive as strings or not at all; numbers and booleans are taken as their text. */
export function asText(raw: unknown): string | undefined {
  if (typeof raw === 'string') return raw;
  if (typeof raw === 'number' || typeof raw === 'boolean') return String(raw);
  return undefined;
}

/** True when the input is missing or only spaces. */
export function isBlank(raw: unknown): boolean {
  const text = asText(raw);
  return text === undefined || text.trim() === '';
}

/** Length in characters as a person counts them (code points, so an emoji is one). */
export function characterCount(text: string): number {
  return [...text].length;
}

function fail(ctx: z.RefinementCtx, message: string): typeof z.NEVER {
  ctx.addIssue({ code: z.ZodIssueCode.custom, message });
  return z.NEVER;
}

export interface TextRules {
  /** How the field is named in messages, e.g. "Your name". */
  label: string;
  max: number;
  min?: number;
  /** Long text keeps newlines and tabs. */
  multiline?: boolean;
  /** The message when a required field is left empty. */
  empty?: string;
  /** The message when shorter than min. */
  tooShort?: string;
}

function cleanText(rules: TextRules, raw: unknown, ctx: z.RefinementCtx): string {
  const text = (asText(raw) ?? '').replace(/\r\n?/g, '\n').trim();
  if (text === '') return rules.empty === undefined ? '' : fail(ctx, rules.empty);
  if ((rules.multiline ? CONTROL_EXCEPT_NEWLINE_TAB : ANY_CONTROL).test(text)) {
    const allowed = rules.multiline ? ' (line breaks are fine)' : '';
    return fail(ctx, `${rules.label} contains hidden control characters we cannot accept${allowed}: please retype it`);
  }
  const length = characterCount(text);
  if (length > rules.max) {
    return fail(ctx, `${rules.label} must be ${rules.max.toLocaleString('en-GB')} characters or fewer (it is ${length.toLocaleString('en-GB')})`);
  }
  if (rules.min !== undefined && length < rules.min) {
    return fail(ctx, rules.tooShort ?? `${rules.label} must be at least ${rules.min} characters`);
  }
  return text;
}

/** Free text: trimmed, no control characters, within the limits; empty is an error when `empty` is set, otherwise ''. */
export function textField(rules: TextRules): z.ZodType<string, z.ZodTypeDef, unknown> {
  return z.unknown().transform((raw, ctx) => cleanText(rules, raw, ctx));
}

/** A field that may be left blank (undefined); otherwise parsed by the inner schema. */
export function optionalField<T>(inner: z.ZodType<T, z.ZodTypeDef, unknown>): z.ZodType<T | undefined, z.ZodTypeDef, unknown> {
  return z.unknown().transform((raw, ctx) => {
    if (raw === null || isBlank(raw)) return undefined;
    const parsed = inner.safeParse(raw);
    if (parsed.success) return parsed.data;
    return fail(ctx, parsed.error.issues[0]?.message ?? 'Check this answer');
  });
}

/** How a choice is matched: case, spaces, underscores and hyphens do not matter. */
export function choiceKey(text: string): string {
  return text.trim().toLowerCase().replace(/[\s_-]+/g, '-');
}

/** One of the values (or an alias of one); anything else gives the message. */
export function choiceField<const T extends readonly [string, ...string[]]>(
  values: T,
  message: string,
  aliases: Readonly<Record<string, T[number]>> = {},
): z.ZodType<T[number], z.ZodTypeDef, unknown> {
  const lookup = new Map<string, T[number]>();
  for (const value of values) lookup.set(choiceKey(value), value);
  for (const [alias, value] of Object.entries(aliases)) lookup.set(choiceKey(alias), value);
  return z.unknown().transform((raw, ctx) => lookup.get(choiceKey(asText(raw) ?? '')) ?? fail(ctx, message));
}

/** One or more of the values: an array, or the comma-separated text a multi-select choice set sends. */
export function multiChoiceField<const T extends readonly [string, ...string[]]>(
  values: T,
  message: string,
): z.ZodType<T[number][], z.ZodTypeDef, unknown> {
  const single = choiceField(values, message);
  return z.unknown().transform((raw, ctx) => {
    const items = Array.isArray(raw) ? raw : (asText(raw) ?? '').split(',');
    const chosen: T[number][] = [];
    for (const item of items) {
      if (isBlank(item)) continue;
      const parsed = single.safeParse(item);
      if (!parsed.success) return fail(ctx, message);
      if (!chosen.includes(parsed.data)) chosen.push(parsed.data);
    }
    return chosen.length > 0 ? values.filter((v) => chosen.includes(v)) : fail(ctx, message);
  });
}

const TRUE_TEXT = new Set(['true', 'on', 'yes', '1']);
const FALSE_TEXT = new Set(['false', 'off', 'no', '0', '']);

/** A tick box: Teams sends "true"/"false" (missing means not ticked). */
export function booleanField(message: string): z.ZodType<boolean, z.ZodTypeDef, unknown> {
  return z.unknown().transform((raw, ctx) => {
    const text = choiceKey(asText(raw) ?? '');
    if (TRUE_TEXT.has(text)) return true;
    if (FALSE_TEXT.has(text)) return false;
    return fail(ctx, message);
  });
}

/** True when a tick-box input is ticked, with the same coercion as booleanField; anything else is false. */
export function isTicked(raw: unknown): boolean {
  return TRUE_TEXT.has(choiceKey(asText(raw) ?? ''));
}

/** A whole number within limits; blank gives `blank`. */
export function wholeNumberField(min: number, max: number, blank: number, message: string): z.ZodType<number, z.ZodTypeDef, unknown> {
  return z.unknown().transform((raw, ctx) => {
    const text = (asText(raw) ?? '').trim();
    if (text === '') return blank;
    if (!/^\d+$/.test(text)) return fail(ctx, message);
    const value = Number(text);
    return value >= min && value <= max ? value : fail(ctx, message);
  });
}

/** A parse that turns the cleaned text into a value, or undefined with the message. */
export function parsedTextField<T>(message: string, parse: (text: string) => T | undefined): z.ZodType<T, z.ZodTypeDef, unknown> {
  return z.unknown().transform((raw, ctx) => {
    const text = asText(raw)?.trim() ?? '';
    if (text === '' || ANY_CONTROL.test(text)) return fail(ctx, message);
    const value = parse(text);
    return value === undefined ? fail(ctx, message) : value;
  });
}

export { fail as addFieldIssue };
