import { z } from 'zod';
import { isoDateSchema, SESSIONS, WEEKDAYS, type Person, type Rota, type Session } from '../../domain/reference';
import { personRefField } from './file-fields';
import { resolvePersonRef } from './load-people';
import type { ProblemList } from './problems';

export const ROTA_FILE = 'rota.yaml';

const fileSchema = z
  .object({ weekly: z.record(z.string(), z.unknown()).default({}), dates: z.record(z.string(), z.unknown()).default({}) })
  .strict();
const sessionsSchema = z.object({ AM: z.array(personRefField).optional(), PM: z.array(personRefField).optional() }).strict();
const weekdaySchema = z.enum(WEEKDAYS, { errorMap: () => ({ message: `is not a day of the week (${WEEKDAYS.join(', ')})` }) });

/**
 * Turns people references into person ids; unknown people and people without the duty-professional role are problems.
 * Without a people list (people.yaml could not be read) the references are kept as they are.
 */
function resolveDuty(refs: readonly string[], path: ReadonlyArray<string | number>, people: readonly Person[] | undefined, problems: ProblemList): string[] {
  if (people === undefined) return [...refs];
  const ids: string[] = [];
  refs.forEach((ref, index) => {
    const person = resolvePersonRef(people, ref);
    if (person === undefined) problems.add(ROTA_FILE, [...path, index], `unknown person "${ref}"`);
    else if (!person.roles.includes('duty-professional')) problems.add(ROTA_FILE, [...path, index], `${person.name} is not a duty-professional`);
    else if (!ids.includes(person.id)) ids.push(person.id);
  });
  return ids;
}

/** Each session of one day's entry, with the ids of the people on duty. */
function sessionsOf(value: unknown, path: string[], people: readonly Person[] | undefined, problems: ProblemList): Array<{ session: Session; personIds: string[] }> {
  const sessions = problems.parse(ROTA_FILE, path, sessionsSchema, value ?? {});
  if (sessions === undefined) return [];
  return SESSIONS.flatMap((session) => {
    const refs = sessions[session];
    return refs === undefined ? [] : [{ session, personIds: resolveDuty(refs, [...path, session], people, problems) }];
  });
}

/** The duty rota: a weekly pattern and dated overrides, naming people by AAD object id or UPN. */
export function parseRota(raw: unknown, people: readonly Person[] | undefined, problems: ProblemList): Rota {
  const rota: Rota = { weekly: [], dates: [] };
  if (raw === undefined) return rota;
  const file = problems.parse(ROTA_FILE, [], fileSchema, raw);
  if (file === undefined) return rota;
  for (const [key, value] of Object.entries(file.weekly)) {
    const weekday = problems.parse(ROTA_FILE, ['weekly', key], weekdaySchema, key.toLowerCase());
    if (weekday === undefined) continue;
    for (const duty of sessionsOf(value, ['weekly', key], people, problems)) rota.weekly.push({ weekday, ...duty });
  }
  for (const [date, value] of Object.entries(file.dates).sort(([a], [b]) => a.localeCompare(b))) {
    if (problems.parse(ROTA_FILE, ['dates', date], isoDateSchema, date) === undefined) continue;
    for (const duty of sessionsOf(value, ['dates', date], people, problems)) rota.dates.push({ date, ...duty });
  }
  return rota;
}
