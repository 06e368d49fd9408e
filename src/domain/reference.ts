import { z } from 'zod';
import { NEED_CODES, PHASES, type NeedCode, type Phase } from './case-record';
import { londonDate, londonSession } from './calendar/london-time';
import { ROLES } from './roles';

/** A calendar date, YYYY-MM-DD. */
export const isoDateSchema = z.string().superRefine((s, ctx) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) ctx.addIssue({ code: 'custom', message: 'must be a date like 2026-09-01' });
  else if (Number.isNaN(Date.parse(`${s}T00:00:00Z`)) || !new Date(`${s}T00:00:00Z`).toISOString().startsWith(s)) {
    ctx.addIssue({ code: 'custom', message: 'is not a real date' });
  }
});

export const SESSIONS = ['AM', 'PM'] as const;
export type Session = (typeof SESSIONS)[number];

export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** A school (GIAS URN) or early-years provider (Ofsted id, e.g. EY123456) that can ask for help. */
export const settingSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  kind: z.enum(['school', 'early-years-provider']),
  establishmentType: z.string(),
  phase: z.enum(PHASES),
  postcode: z.string().nullable(),
  laCode: z.string().nullable(),
});
export type Setting = z.infer<typeof settingSchema>;

/** A service in the catalogue, with the needs and phases it takes requests for. */
export const serviceSchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lower-case words joined by hyphens'),
  name: z.string().min(1),
  offers: z.string().min(1),
  needCodes: z.array(z.enum(NEED_CODES)).min(1),
  phases: z.array(z.enum(PHASES)).min(1),
  contact: z
    .object({ email: z.string().email().optional(), phone: z.string().min(1).optional() })
    .refine((c) => c.email !== undefined || c.phone !== undefined, 'needs an email or a phone number'),
});
export type Service = z.infer<typeof serviceSchema>;

/**
 * A person the authority knows, with their roles. `id` is the AAD object id (lower case) when known,
 * otherwise `upn:` plus the lower-cased UPN.
 */
export const personSchema = z.object({
  id: z.string().min(1),
  aadObjectId: z.string().uuid().optional(),
  upn: z.string().min(1).optional(),
  name: z.string().min(1),
  jobTitle: z.string().optional(),
  roles: z.array(z.enum(ROLES)).min(1),
  settingId: z.string().min(1).optional(),
});
export type Person = z.infer<typeof personSchema>;

/** The stable key a person is stored under. */
export function personId(person: { aadObjectId?: string | undefined; upn?: string | undefined }): string {
  if (person.aadObjectId !== undefined) return person.aadObjectId.toLowerCase();
  if (person.upn !== undefined) return `upn:${person.upn.toLowerCase()}`;
  throw new Error('a person needs an AAD object id or a UPN');
}

const personIds = z.array(z.string().min(1));
export const weeklyDutySchema = z.object({ weekday: z.enum(WEEKDAYS), session: z.enum(SESSIONS), personIds });
export const datedDutySchema = z.object({ date: isoDateSchema, session: z.enum(SESSIONS), personIds });
export type WeeklyDuty = z.infer<typeof weeklyDutySchema>;
export type DatedDuty = z.infer<typeof datedDutySchema>;
export type RotaEntry = WeeklyDuty | DatedDuty;

/** Who is on duty: a weekly default pattern, overridden by entries for particular dates. */
export const rotaSchema = z.object({ weekly: z.array(weeklyDutySchema), dates: z.array(datedDutySchema) });
export type Rota = z.infer<typeof rotaSchema>;

const workingDays = z.number().int().min(1).max(60);

/** The front door's own settings: contact details, response times, calendar and Teams channels. */
export const frontDoorSettingsSchema = z.object({
  phone: z.string().min(1),
  email: z.string().email(),
  safeguarding: z.object({
    message: z.string().min(1),
    childrensServicesPhone: z.string().min(1),
    outOfHoursPhone: z.string().min(1).optional(),
    emergencyNumber: z.string().min(1),
  }),
  responseTimes: z.object({ firstResponse: workingDays, panelDecision: workingDays, schoolReplyReminder: workingDays }),
  closureDays: z.array(isoDateSchema),
  dutyManagerId: z.string().min(1),
  retentionMonths: z.number().int().min(1).max(1200),
  draftMaxAgeDays: z.number().int().min(1).max(365),
  teams: z.object({ teamId: z.string().min(1), dutyChannelId: z.string().min(1), panelChannelId: z.string().min(1) }),
});
export type FrontDoorSettings = z.infer<typeof frontDoorSettingsSchema>;

/** Everything the administrators keep, validated and cross-checked. */
export interface ReferenceData {
  settings: Setting[];
  services: Service[];
  people: Person[];
  rota: Rota;
  frontDoor: FrontDoorSettings;
}

/** Maps GIAS "PhaseOfEducation (name)" and "TypeOfEstablishment (name)" to the app's phase. */
export function phaseFromGias(phaseOfEducation: string, typeOfEstablishment: string): Phase {
  const phase = phaseOfEducation.trim().toLowerCase();
  const type = typeOfEstablishment.trim().toLowerCase();
  if (type.includes('special')) return 'special';
  if (phase === 'nursery' || type.includes('nursery')) return 'early-years';
  if (phase === 'primary' || phase === 'middle deemed primary') return 'primary';
  if (phase === 'secondary' || phase === 'middle deemed secondary') return 'secondary';
  if (phase === 'all-through' || phase === 'all through') return 'all-through';
  if (phase === '16 plus' || type === 'further education' || type === 'sixth form centres') return 'post-16';
  return 'other';
}

/** The weekday of a YYYY-MM-DD date. */
export function weekdayOf(date: string): Weekday {
  const day = new Date(`${date}T12:00:00Z`).getUTCDay();
  const weekday = WEEKDAYS[day];
  if (weekday === undefined) throw new Error(`not a date: ${date}`);
  return weekday;
}

/** Person ids on duty for a London-local date and session: a dated entry wins over the weekly pattern. */
export function whoIsOnDuty(rota: Rota, date: string, session: Session): string[] {
  const dated = rota.dates.find((d) => d.date === date && d.session === session);
  if (dated !== undefined) return [...dated.personIds];
  const weekday = weekdayOf(date);
  const weekly = rota.weekly.find((w) => w.weekday === weekday && w.session === session);
  return weekly === undefined ? [] : [...weekly.personIds];
}

/** The London-local date and rota session (AM before 12:00, PM from 12:00) of an instant. */
export function londonDateAndSession(instant: Date): { date: string; session: Session } {
  return { date: londonDate(instant), session: londonSession(instant) };
}

/** Whether a service takes requests from a phase; all-through settings also match primary or secondary services. */
function servesPhase(service: Service, phase: Phase): boolean {
  if (service.phases.includes(phase)) return true;
  return phase === 'all-through' && (service.phases.includes('primary') || service.phases.includes('secondary'));
}

/** Services whose criteria match the primary need and phase, in catalogue order. */
export function servicesMatching(catalogue: readonly Service[], needCode: NeedCode, phase: Phase): Service[] {
  return catalogue.filter((s) => s.needCodes.includes(needCode) && servesPhase(s, phase));
}
