import type { CaseRecord } from '../../domain/case-record';
import { canApply } from '../../domain/case-lifecycle';
import { formatLongDate, londonDate, workingDayCalendar } from '../../domain/calendar';
import { servicesMatching } from '../../domain/reference';
import type { TriageView } from '../../ports/notification-cards';
import type { Actor } from '../actor';
import { dutyAlertView, nameOfKey } from './alert-view';
import type { TriageDeps } from './triage-deps';

/** Who may act on a claimed case: its claimant, or a duty manager. */
export function mayTriage(actor: Actor | { key: string; roles: readonly string[] }, record: CaseRecord): boolean {
  const roles = 'person' in actor ? actor.person.roles : actor.roles;
  return record.claimantKey === actor.key || roles.includes('duty-manager');
}

/** The full-details card's content for the person handling the case (the viewer), with problems and answers kept. */
export async function triageView(
  deps: TriageDeps,
  viewer: { key: string; roles: readonly string[] },
  record: CaseRecord,
  form: { errors?: Record<string, string>; kept?: Record<string, string> } = {},
): Promise<TriageView> {
  const [setting, settings, services, people] = await Promise.all([
    deps.directory.getSetting(record.settingId),
    deps.directory.frontDoorSettings(),
    deps.directory.listServices(),
    deps.directory.listPeople(),
  ]);
  const suggested = new Set(servicesMatching(services, record.primaryNeed, record.phase).map((s) => s.id));
  const keys = [...new Set(record.messages.map((m) => m.byKey))];
  const names = Object.fromEntries(await Promise.all(keys.map(async (k) => [k, await nameOfKey(deps.directory, k)] as const)));
  const today = londonDate(deps.clock.now());
  const due = record.status === 'panel' ? record.panelDue : record.firstResponseDue;
  const acting = mayTriage(viewer, record);
  return {
    record,
    settingName: setting?.name ?? record.settingId,
    statusText: (await dutyAlertView(deps.directory, record, deps.clock.now())).statusText,
    dueText: due && record.status !== 'awaiting-school' ? `${record.status === 'panel' ? 'Panel decision' : 'First reply'} due by ${formatLongDate(due, today)} (${workingDayCalendar(settings.closureDays).describeDue(due, today)})` : '',
    services: [...services].sort((a, b) => Number(suggested.has(b.id)) - Number(suggested.has(a.id))).map((service) => ({ service, suggested: suggested.has(service.id) })),
    colleagues: people.filter((p) => p.roles.includes('duty-professional') && p.aadObjectId !== undefined && !record.claimantKey?.endsWith(p.aadObjectId)),
    names,
    canTriage: acting && canApply('advise', record.status),
    canHandOver: acting && canApply('reassign', record.status),
    errors: form.errors ?? {},
    kept: form.kept ?? {},
  };
}

export function viewerOf(actor: Actor): { key: string; roles: readonly string[] } {
  return { key: actor.key, roles: actor.person.roles };
}
