import { MENU_ITEMS, menuFor, type MenuItem } from '../domain/menu';
import type { FrontDoorSettings, Person } from '../domain/reference';
import { renderCard, type AdaptiveCardJson } from './render-card';

/** The menu card for a known person: only what their roles allow, and their latest unfinished request. */
export function welcomeCard(person: Person, settings: FrontDoorSettings, draft: { id: string; label: string } = { id: '', label: '' }): AdaptiveCardJson {
  const allowed = menuFor(person.roles);
  const menu = Object.fromEntries(MENU_ITEMS.map((item) => [item, allowed.includes(item)])) as Record<MenuItem, boolean>;
  return renderCard('welcome', {
    firstName: person.name.split(' ')[0] ?? person.name,
    firstResponseDays: settings.responseTimes.firstResponse,
    menu,
    draft,
  });
}

/** What an unknown user sees: the phone number and a way to ask for access, never case data. */
export function unknownUserCard(
  settings: FrontDoorSettings,
  kept: { settingName?: string; jobRole?: string } = {},
  errors: { settingName?: string; jobRole?: string } = {},
): AdaptiveCardJson {
  return renderCard('unknown-user', {
    phone: settings.phone,
    email: settings.email,
    settingName: kept.settingName ?? '',
    jobRole: kept.jobRole ?? '',
    errors: { settingName: errors.settingName ?? '', jobRole: errors.jobRole ?? '' },
  });
}

const COMMANDS: Record<MenuItem, string> = {
  requestSupport: '"request support"',
  myRequests: '"my requests"',
  myQueue: '"my queue"',
  status: '"status FD-2026-00042"',
  insights: '"insights"',
  help: '"help"',
};

/** How the front door works, with the commands this person may use. */
export function helpCard(person: Person, settings: FrontDoorSettings): AdaptiveCardJson {
  const s = settings.safeguarding;
  return renderCard('help', {
    firstResponseDays: settings.responseTimes.firstResponse,
    panelDecisionDays: settings.responseTimes.panelDecision,
    safeguarding: `${s.message} Children's services: ${s.childrensServicesPhone}. In an emergency call ${s.emergencyNumber}.`,
    commands: menuFor(person.roles).map((item) => COMMANDS[item]).join(', '),
    phone: settings.phone,
  });
}

/** A short message card with a way back to the menu. */
export function noticeCard(title: string, text: string): AdaptiveCardJson {
  return renderCard('notice', { title, text });
}
