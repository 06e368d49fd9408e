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
  type FrontDoorSettings,
  type Person,
  type Rota,
  type Service,
  type Setting,
} from '../domain/reference';
import { systemClock, type Clock } from '../ports/clock';
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

/** All the reference data, parsed once: what one read of the store gives. */
interface Snapshot {
  people: Map<string, Person>;
  settings: Setting[];
  services: Service[];
  rota: Rota | undefined;
  frontDoor: FrontDoorSettings | undefined;
  loadedAt: number;
}

async function loadSnapshot(store: ReferenceStore, now: number): Promise<Snapshot> {
  const [people, settings, services, rota, frontDoor] = await Promise.all([
    store.listReference(REFERENCE_KINDS.person),
    store.listReference(REFERENCE_KINDS.setting),
    store.listReference(REFERENCE_KINDS.service),
    store.getReference(REFERENCE_KINDS.rota, ROTA_RECORD_ID),
    store.getReference(REFERENCE_KINDS.frontDoor, FRONT_DOOR_RECORD_ID),
  ]);
  return {
    people: new Map(people.map((r) => parseRecord(personSchema, 'person', r)).map((p) => [p.id, p])),
    settings: settings.map((r) => parseRecord(settingSchema, 'setting', r)).sort((a, b) => a.name.localeCompare(b.name, 'en-GB')),
    services: services
      .map((r) => parseRecord(storedServiceSchema, 'service', r))
      .sort((a, b) => a.order - b.order)
      .map(({ order: _order, ...service }) => service),
    rota: rota === undefined ? undefined : parseRecord(rotaSchema, 'rota', rota),
    frontDoor: frontDoor === undefined ? undefined : parseRecord(frontDoorSettingsSchema, 'front-door settings', frontDoor),
    loadedAt: now,
  };
}

/** How long one process trusts what it read: reference data changes only when an instance starts. */
export const DIRECTORY_REFRESH_MS = 30_000;

/**
 * A Directory over the reference data the store holds. Every record is parsed when read, and
 * the parsed snapshot is kept for DIRECTORY_REFRESH_MS, so a turn costs no reads or parsing
 * (the bench showed re-reading and re-parsing on every turn as one of the largest costs).
 */
export function storeDirectory(store: ReferenceStore, clock: Clock = systemClock): Directory {
  let snapshot: Promise<Snapshot> | undefined;
  const current = async (): Promise<Snapshot> => {
    const now = clock.now().getTime();
    const cached = snapshot && (await snapshot.catch(() => undefined));
    if (!cached || now - cached.loadedAt >= DIRECTORY_REFRESH_MS) {
      snapshot = loadSnapshot(store, now);
      return snapshot;
    }
    return cached;
  };
  const getPerson = async (id: string): Promise<Person | undefined> => (await current()).people.get(id.trim().toLowerCase());

  return {
    listPeople: async () => [...(await current()).people.values()],
    /** By AAD object id; by UPN only for people listed without one (a listed id that differs never matches by UPN). */
    async findPerson(identity) {
      const byId = identity.aadObjectId.trim() === '' ? undefined : await getPerson(identity.aadObjectId);
      if (byId !== undefined) return byId;
      const upn = identity.userPrincipalName?.trim();
      return upn ? getPerson(personId({ upn })) : undefined;
    },
    getPerson,
    getSetting: async (id) => (await current()).settings.find((s) => s.id === id.trim().toUpperCase()),
    listSettings: async () => (await current()).settings,
    listServices: async () => (await current()).services,
    async onDuty(at) {
      const { rota, people } = await current();
      if (rota === undefined) return [];
      const { date, session } = londonDateAndSession(at);
      return whoIsOnDuty(rota, date, session)
        .map((id) => people.get(id))
        .filter((p): p is Person => p !== undefined);
    },
    async frontDoorSettings() {
      const { frontDoor } = await current();
      if (frontDoor === undefined) throw new DomainError('REFERENCE.NOT_LOADED', 'front-door settings are not loaded');
      return frontDoor;
    },
  };
}
