import { z } from 'zod';
import { personId, type Person, type Setting } from '../../domain/reference';
import { roleField } from './file-fields';
import type { ProblemList } from './problems';

export const PEOPLE_FILE = 'people.yaml';

const fileSchema = z.object({ people: z.array(z.unknown()).min(1) }).strict();
const personEntrySchema = z
  .object({
    id: z.string().trim().uuid('must be an AAD object id (a GUID)').optional(),
    upn: z.string().trim().email('must be a user principal name like name@example.org').optional(),
    name: z.string().trim().min(1),
    jobTitle: z.string().trim().min(1).optional(),
    roles: z.array(roleField).min(1),
    settingId: z.union([z.string().trim().min(1), z.number().int()]).transform(String).optional(),
  })
  .strict()
  .superRefine((p, ctx) => {
    if (p.id === undefined && p.upn === undefined) ctx.addIssue({ code: 'custom', path: ['id'], message: 'needs an id (AAD object id) or a upn' });
    if (p.roles.includes('setting-staff') && p.settingId === undefined) {
      ctx.addIssue({ code: 'custom', path: ['settingId'], message: 'is required for setting-staff' });
    }
  });

/** People and roles: every entry checked, ids and UPNs unique, settings known (unless the settings could not be read). */
export function parsePeople(raw: unknown, settings: readonly Setting[] | undefined, problems: ProblemList): Person[] {
  if (raw === undefined) return [];
  const file = problems.parse(PEOPLE_FILE, [], fileSchema, raw);
  if (file === undefined) return [];
  const settingIds = settings === undefined ? undefined : new Set(settings.map((s) => s.id));
  const people: Person[] = [];
  const seen = new Map<string, number>();
  file.people.forEach((entry, index) => {
    const parsed = problems.parse(PEOPLE_FILE, ['people', index], personEntrySchema, entry);
    if (parsed === undefined) return;
    if (parsed.settingId !== undefined && settingIds !== undefined && !settingIds.has(parsed.settingId)) {
      problems.add(PEOPLE_FILE, ['people', index, 'settingId'], `unknown setting ${parsed.settingId}`);
      return;
    }
    const person: Person = {
      id: personId({ aadObjectId: parsed.id, upn: parsed.upn }),
      ...(parsed.id !== undefined && { aadObjectId: parsed.id.toLowerCase() }),
      ...(parsed.upn !== undefined && { upn: parsed.upn }),
      name: parsed.name,
      ...(parsed.jobTitle !== undefined && { jobTitle: parsed.jobTitle }),
      roles: [...new Set(parsed.roles)],
      ...(parsed.settingId !== undefined && { settingId: parsed.settingId }),
    };
    const keys = [person.id, ...(person.upn === undefined ? [] : [`upn:${person.upn.toLowerCase()}`])];
    const clash = keys.map((k) => ({ key: k, first: seen.get(k) })).find((k) => k.first !== undefined);
    if (clash !== undefined) {
      const field = clash.key.startsWith('upn:') ? 'upn' : 'id';
      problems.add(PEOPLE_FILE, ['people', index, field], `already used by people[${clash.first}]`);
      return;
    }
    for (const key of keys) seen.set(key, index);
    people.push(person);
  });
  return people;
}

/** Finds a person by AAD object id or UPN (case-insensitive). */
export function resolvePersonRef(people: readonly Person[], ref: string): Person | undefined {
  const key = ref.trim().toLowerCase();
  return people.find((p) => p.aadObjectId === key || p.upn?.toLowerCase() === key || p.id === key);
}
