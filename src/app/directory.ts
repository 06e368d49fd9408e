import type { z } from 'zod';
import { DomainError } from '../domain/errors';
import {
  frontDoorSettingsSchema,
  londonDateAndSession,
  personId,
  personSchema,
  rotaSchema,
  settingSchema,
  whoIsOnDuty,
  type Person,
} from '../domain/reference';
import type { Directory } from '../ports/directory';
import type { ReferenceStore } from '../ports/store';
import { FRONT_DOOR_RECORD_ID, REFERENCE_KINDS, ROTA_RECORD_ID, storedServiceSchema } from './reference-data/import-reference-data';

/** Parses a stored record; a record that does not fit is a loading fault, never silently skipped. */
function parseRecord<S extends z.ZodTypeAny>(schema: S, kind: string, record: unknown): z.output<S> {
  const result = schema.safeParse(record);
  if (!result.success) {
    const id = typeof record === 'object' && record !== null ? String((record as { id?: unknown }).id) : '?';
    throw new DomainError('REFERENCE.CORRUPT', `stored ${kind} ${id} does not match its schema: ${result.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
  }
  return result.data as z.output<S>;
}

/** A Directory that reads the reference data the store holds, parsing every record it reads. */
export function storeDirectory(store: ReferenceStore): Directory {
  const getPerson = async (id: string): Promise<Person | undefined> => {
    const record = await store.getReference(REFERENCE_KINDS.person, id.toLowerCase());
    return record === undefined ? undefined : parseRecord(personSchema, 'person', record);
  };

  return {
    listPeople: async () => (await store.listReference(REFERENCE_KINDS.person)).map((r) => parseRecord(personSchema, 'person', r)),
    /** By AAD object id; by UPN only for people listed without one (a listed id that differs never matches by UPN). */
    async findPerson(identity) {
      const byId = identity.aadObjectId.trim() === '' ? undefined : await getPerson(identity.aadObjectId.trim());
      if (byId !== undefined) return byId;
      const upn = identity.userPrincipalName?.trim();
      return upn ? getPerson(personId({ upn })) : undefined;
    },
    getPerson,
    async getSetting(id) {
      const record = await store.getReference(REFERENCE_KINDS.setting, id.trim().toUpperCase());
      return record === undefined ? undefined : parseRecord(settingSchema, 'setting', record);
    },
    async listSettings() {
      const settings = (await store.listReference(REFERENCE_KINDS.setting)).map((r) => parseRecord(settingSchema, 'setting', r));
      return settings.sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
    },
    async listServices() {
      const services = (await store.listReference(REFERENCE_KINDS.service)).map((r) => parseRecord(storedServiceSchema, 'service', r));
      return services.sort((a, b) => a.order - b.order).map(({ order: _order, ...service }) => service);
    },
    async onDuty(at) {
      const record = await store.getReference(REFERENCE_KINDS.rota, ROTA_RECORD_ID);
      if (record === undefined) return [];
      const { date, session } = londonDateAndSession(at);
      const ids = whoIsOnDuty(parseRecord(rotaSchema, 'rota', record), date, session);
      const people = await Promise.all(ids.map(getPerson));
      return people.filter((p): p is Person => p !== undefined);
    },
    async frontDoorSettings() {
      const record = await store.getReference(REFERENCE_KINDS.frontDoor, FRONT_DOOR_RECORD_ID);
      if (record === undefined) throw new DomainError('REFERENCE.NOT_LOADED', 'front-door settings are not loaded');
      return parseRecord(frontDoorSettingsSchema, 'front-door settings', record);
    },
  };
}
