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
import type { AccessRequest, AccessRequestStore, ReferenceStore } from '../ports/store';
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

/** What the directory reads: the reference data, and approved access requests where the store keeps them. */
export type DirectorySource = ReferenceStore & Partial<Pick<AccessRequestStore, 'listAccessRequests'>>;

/**
 * The people listed in data/, then everyone a front-door admin approved as setting staff of a
 * setting that still exists. A listed person wins over an approval (matched by AAD id or by UPN).
 */
function mergeApproved(listed: Person[], approved: AccessRequest[], settings: Setting[]): Map<string, Person> {
  const people = new Map(listed.map((p) => [p.id, p]));
  const settingIds = new Set(settings.map((s) => s.id));
  for (const request of approved) {
    const person = approvedPerson(request);
    if (person === undefined || people.has(person.id) || !settingIds.has(person.settingId ?? '')) continue;
    if (person.upn !== undefined && people.has(personId({ upn: person.upn }))) continue;
    people.set(person.id, person);
  }
  return people;
}

/** The setting-staff person an approved request makes; undefined when it cannot name one (no AAD id in its key). */
function approvedPerson(request: AccessRequest): Person | undefined {
  const aadObjectId = request.userKey.split(':').pop() ?? '';
  const parsed = personSchema.safeParse({
    id: aadObjectId.toLowerCase(),
    aadObjectId,
    ...(request.email ? { upn: request.email } : {}),
    name: request.name.trim() === '' ? 'Unknown' : request.name,
    roles: ['setting-staff'],
    settingId: request.decision?.settingId ?? undefined,
  });
  return parsed.success && request.status === 'approved' ? parsed.data : undefined;
}

async function loadSnapshot(store: DirectorySource, now: number): Promise<Snapshot> {
  const [people, settingRecords, services, rota, frontDoor, approved] = await Promise.all([
    store.listReference(REFERENCE_KINDS.person),
    store.listReference(REFERENCE_KINDS.setting),
    store.listReference(REFERENCE_KINDS.service),
    store.getReference(REFERENCE_KINDS.rota, ROTA_RECORD_ID),
    store.getReference(REFERENCE_KINDS.frontDoor, FRONT_DOOR_RECORD_ID),
    store.listAccessRequests ? store.listAccessRequests('approved') : Promise.resolve([]),
  ]);
  const settings = settingRecords.map((r) => parseRecord(settingSchema, 'setting', r)).sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  return {
    people: mergeApproved(people.map((r) => parseRecord(personSchema, 'person', r)), approved, settings),
    settings,
    services: services
      .map((r) => parseRecord(storedServiceSchema, 'service', r))
      .sort((a, b) => a.order - b.order)
      .map(({ order: _order, ...service }) => service),
    rota: rota === undefined ? undefined : parseRecord(rotaSchema, 'rota', rota),
    frontDoor: frontDoor === undefined ? undefined : parseRecord(frontDoorSettingsSchema, 'front-door settings', frontDoor),
    loadedAt: now,
  };
}

/** How long one process trusts what it read: reference data changes when an instance starts, approvals at any time. */
export const DIRECTORY_REFRESH_MS = 30_000;

/** Per store, how to make this process's directories over it read again. */
const FORGETTERS = new WeakMap<object, Set<() => void>>();

/** Makes every directory over this store in this process read afresh at its next question (after an approval). */
export function forgetDirectorySnapshots(store: object): void {
  for (const forget of FORGETTERS.get(store) ?? []) forget();
}

/**
 * A Directory over the reference data the store holds, with approved access requests as setting
 * staff. Every record is parsed when read, and
 * the parsed snapshot is kept for DIRECTORY_REFRESH_MS, so a turn costs no reads or parsing
 * (the bench showed re-reading and re-parsing on every turn as one of the largest costs).
 */
export function storeDirectory(store: DirectorySource, clock: Clock = systemClock): Directory {
  let snapshot: Promise<Snapshot> | undefined;
  const forgetters = FORGETTERS.get(store) ?? new Set<() => void>();
  FORGETTERS.set(store, forgetters);
  forgetters.add(() => {
    snapshot = undefined;
  });
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
