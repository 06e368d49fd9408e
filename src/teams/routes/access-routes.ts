import type { Application } from '@microsoft/teams-ai';
import type { BotTurnState } from '../turn-state';
import { requestAccess } from '../../app/access/request-access';
import type { BotDeps } from '../deps';
import { noticeCard, unknownUserCard } from '../cards';
import { identityOf } from '../identity';
import { notificationCards } from '../notification-cards';
import { VERBS } from '../verbs';

/** An unknown user asks for access; the card comes back with their answers and the problems named. */
export function registerAccessRoutes(app: Application<BotTurnState>, deps: BotDeps): void {
  app.adaptiveCards.actionExecute<Record<string, unknown>>(VERBS.requestAccess, async (context, _state, data) => {
    const identity = identityOf(context);
    const settings = await deps.directory.frontDoorSettings();
    if (!identity) return noticeCard('We could not tell who you are', `Please phone the front door on ${settings.phone}.`);
    if (await deps.directory.findPerson(identity)) return noticeCard('You already have access', 'Type "help" to see what you can do.');
    const result = await requestAccess({ ...deps, cards: notificationCards }, identity, { settingName: data.settingName, jobRole: data.jobRole });
    if (!result.ok) {
      const kept = { settingName: stringOrEmpty(data.settingName), jobRole: stringOrEmpty(data.jobRole) };
      return unknownUserCard(settings, kept, result.errors);
    }
    if (result.alreadyApproved) return noticeCard('You already have access', 'A front-door administrator has approved you. Type "help" to see what you can do.');
    return noticeCard(
      'Thank you: we have asked for access for you',
      `${result.alreadyPending ? 'Your request was already with us. ' : ''}A front-door administrator will check it, usually within two working days. Until then, phone ${settings.phone} if a pupil needs support.`,
    );
  });
}

function stringOrEmpty(value: unknown): string {
  return typeof value === 'string' ? value.slice(0, 500) : '';
}
