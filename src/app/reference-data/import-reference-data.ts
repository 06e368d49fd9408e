import { z } from 'zod';
import { serviceSchema, type ReferenceData } from '../../domain/reference';
import type { ReferenceStore } from '../../ports/store';

/** The kinds of reference record in the store, and the ids of the single-record kinds. */
export const REFERENCE_KINDS = { setting: 'setting', service: 'service', person: 'person', rota: 'rota', frontDoor: 'front-door' } as const;
export const ROTA_RECORD_ID = 'rota';
export const FRONT_DOOR_RECORD_ID = 'front-door';

/** A stored service keeps its place in the catalogue, so every store lists services in the administrators' order. */
export const storedServiceSchema = serviceSchema.extend({ order: z.number().int().nonnegative() });

/** Writes loaded reference data into the store, replacing each kind whole. */
export async function importReferenceData(store: ReferenceStore, data: ReferenceData): Promise<void> {
  await store.replaceReference(REFERENCE_KINDS.setting, data.settings);
  await store.replaceReference(REFERENCE_KINDS.service, data.services.map((service, order) => ({ ...service, order })));
  await store.replaceReference(REFERENCE_KINDS.person, data.people);
  await store.replaceReference(REFERENCE_KINDS.rota, [{ id: ROTA_RECORD_ID, ...data.rota }]);
  await store.replaceReference(REFERENCE_KINDS.frontDoor, [{ id: FRONT_DOOR_RECORD_ID, ...data.frontDoor }]);
}
