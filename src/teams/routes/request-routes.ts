import type { Application } from '@microsoft/teams-ai';
import { CardFactory } from 'botbuilder';
import type { Actor } from '../../app/actor';
import { mySettingRequests } from '../../app/requests/my-requests';
import { viewRequest } from '../../app/requests/view-request';
import { withdrawRequest } from '../../app/requests/withdraw-request';
import { visibleCase } from '../../app/requests/case-access';
import { isOpen } from '../../domain/case-record';
import { asActorOf } from '../as-actor';
import type { BotDeps } from '../deps';
import { noticeCard } from '../cards';
import { notificationCards } from '../notification-cards';
import { renderCard, type AdaptiveCardJson } from '../render-card';
import { caseDetailCard, myRequestsCard, type TimelineNames } from '../request-cards';
import type { BotTurnState } from '../turn-state';
import { VERBS } from '../verbs';

type CardData = Record<string, unknown>;

/** My requests, one request's details and timeline, and withdrawing a request. */
export function registerRequestRoutes(app: Application<BotTurnState>, deps: BotDeps): void {
  const asActor = asActorOf(deps);

  const names = async (keys: string[]): Promise<TimelineNames> => {
    const unique = [...new Set(keys)];
    const people = await Promise.all(unique.map((k) => deps.directory.getPerson(k.split(':').pop() ?? '')));
    const byKey = new Map(unique.map((k, i) => [k, people[i]?.name ?? 'someone']));
    return { nameOf: (key) => byKey.get(key) ?? 'someone' };
  };

  const detail = async (actor: Actor, ref: unknown): Promise<AdaptiveCardJson> => {
    const view = await viewRequest(deps, actor, ref);
    const canWithdraw = isOpen(view.record.status) && (view.record.requesterKey === actor.key || actor.person.settingId === view.record.settingId);
    return caseDetailCard(view, actor, await deps.directory.frontDoorSettings(), await names(view.timeline.map((e) => e.actorKey)), deps.clock.now(), canWithdraw);
  };

  const list = async (actor: Actor, page: unknown): Promise<AdaptiveCardJson> => {
    const found = await mySettingRequests(deps.store, actor, page);
    const setting = actor.person.settingId ? await deps.directory.getSetting(actor.person.settingId) : undefined;
    return myRequestsCard(found, setting?.name ?? 'your setting', deps.clock.now());
  };

  app.message(/^\s*my requests\s*$/i, async (context) => {
    const card = await asActor(context, (actor) => list(actor, 0));
    await context.sendActivity({ attachments: [CardFactory.adaptiveCard(card)] });
  });
  app.adaptiveCards.actionExecute<CardData>(VERBS.myRequests, async (context, _state, data) => asActor(context, (actor) => list(actor, data.page)));
  app.adaptiveCards.actionExecute<CardData>(VERBS.openRequest, async (context, _state, data) => asActor(context, (actor) => detail(actor, data.ref)));
  app.adaptiveCards.actionExecute<CardData>(VERBS.withdrawRequest, async (context, _state, data) =>
    asActor(context, async (actor) => renderCard('withdraw', { ref: (await visibleCase(deps.store, actor, data.ref)).value.ref, reason: '', error: '' })),
  );
  app.adaptiveCards.actionExecute<CardData>(VERBS.confirmWithdraw, async (context, _state, data) =>
    asActor(context, async (actor) => {
      const outcome = await withdrawRequest({ ...deps, cards: notificationCards }, actor, data.ref, data.reason);
      if (outcome.kind === 'invalid') return renderCard('withdraw', { ref: outcome.record.ref, reason: outcome.reason, error: outcome.error });
      return noticeCard(`Request ${outcome.record.ref} withdrawn`, 'The duty team has been told. If you need help later, make a new request.');
    }),
  );
}
