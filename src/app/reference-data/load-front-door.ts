import { frontDoorSettingsSchema, type FrontDoorSettings, type Person } from '../../domain/reference';
import { personRefField, phoneField } from './file-fields';
import { resolvePersonRef } from './load-people';
import type { ProblemList } from './problems';

export const FRONT_DOOR_FILE = 'front-door.yaml';

const shape = frontDoorSettingsSchema.shape;
const fileSchema = frontDoorSettingsSchema
  .omit({ dutyManagerId: true })
  .extend({
    phone: phoneField,
    safeguarding: shape.safeguarding.extend({ childrensServicesPhone: phoneField, outOfHoursPhone: phoneField.optional(), emergencyNumber: phoneField }).strict(),
    responseTimes: shape.responseTimes.strict(),
    closureDays: shape.closureDays.default([]),
    teams: shape.teams.strict(),
    dutyManager: personRefField,
  })
  .strict();

/** The front door's settings; the duty manager must be a known person holding duty-manager (checked when people.yaml was read). */
export function parseFrontDoor(raw: unknown, people: readonly Person[] | undefined, problems: ProblemList): FrontDoorSettings | undefined {
  if (raw === undefined) return undefined;
  const file = problems.parse(FRONT_DOOR_FILE, [], fileSchema, raw);
  if (file === undefined) return undefined;
  const { dutyManager, ...rest } = file;
  if (people === undefined) return undefined;
  const manager = resolvePersonRef(people, dutyManager);
  if (manager === undefined) {
    problems.add(FRONT_DOOR_FILE, 'dutyManager', `unknown person "${dutyManager}"`);
    return undefined;
  }
  if (!manager.roles.includes('duty-manager')) {
    problems.add(FRONT_DOOR_FILE, 'dutyManager', `${manager.name} is not a duty-manager`);
    return undefined;
  }
  return { ...rest, closureDays: [...new Set(rest.closureDays)].sort(), dutyManagerId: manager.id };
}
