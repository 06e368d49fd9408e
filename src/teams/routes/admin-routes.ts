import type { Application } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import type { Actor } from '../../app/actor';
import { approveAccess, decisionInput, refuseAccess, removalInput, removeAccess, type DecideOutcome } from '../../app/access/decide-access';
import { whenInWords } from '../../app/access/access-notices';
import { listAccessRequestsFor, listApprovedFor } from '../../app/access/list-access-requests';
import { deadLettersFor } from '../../app/outbox/list-dead-letters';
import { retryDeadLetter, retryInput } from '../../app/outbox/retry-dead-letter';
import { mayAdminister } from '../../domain/menu';
import { accessRequestsCard, approvedPeopleCard, deadLettersCard, tokenOf, type CardNotice, type KeptAnswers } from '../admin-cards';
import { asActorOf } from '../as-actor';
import { noticeCard } from '../cards';
import type { BotDeps } from '../deps';
import { notificationCards } from '../notification-cards';
import type { AdaptiveCardJson } from '../render-card';
import type { BotTurnState } from '../turn-state';
import { VERBS } from '../verbs';

type CardData = Record<string, unknown>;
const INPUT = /^(setting|reason)_([0-9a-f]{12})$/;

/** Card data as an object; anything else (a forged payload) as an empty one. */
function asRecord(data: unknown): CardData {
  return data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as CardData) : {};
}

/** What the admin had typed or chosen for each request on the card, so a re-rendered card keeps it. */
function keptFrom(data: CardData): KeptAnswers {
  const kept: KeptAnswers = {};
  for (const [key, value] of Object.entries(data)) {
    const match = INPUT.exec(key);
    if (!match || typeof value !== 'string') continue;
    const [, field, token = ''] = match;
    kept[token] = { ...kept[token], [field === 'setting' ? 'setting' : 'reason']: value.slice(0, 500) };
  }
  return kept;
}

const notForYou = (what: string): AdaptiveCardJson => noticeCard('Not available to you', `${what} If you think you should see them, ask a front-door administrator.`);
const personalOnly = (): AdaptiveCardJson =>
  noticeCard('Open this in your own chat', 'Access requests and undelivered messages are shown only in your personal chat with the bot, never in a channel.');

/** The front-door team's inbox: access requests approved or refused, undelivered messages tried again. */
export function registerAdminRoutes(app: Application<BotTurnState>, deps: BotDeps): void {
  const asActor = asActorOf(deps);
  const accessDeps = { ...deps, cards: notificationCards };
  const inPersonalChat = (context: TurnContext) => context.activity.conversation.conversationType === 'personal';
  const asAdmin = (context: TurnContext, act: (actor: Actor) => Promise<AdaptiveCardJson>) =>
    asActor(context, async (actor) => (inPersonalChat(context) ? act(actor) : personalOnly()));

  const requestsCard = async (actor: Actor, notice?: CardNotice, kept?: KeptAnswers): Promise<AdaptiveCardJson> => {
    const view = await listAccessRequestsFor(deps, actor);
    return view ? accessRequestsCard(view, deps.clock.now(), notice, kept) : notForYou('Access requests are for front-door administrators.');
  };

  const decideWith = (decide: typeof approveAccess) => async (context: TurnContext, _state: BotTurnState, data: unknown) =>
    asAdmin(context, async (actor) => {
      if (!mayAdminister(actor.person.roles, 'accessRequests')) return notForYou('Access requests are for front-door administrators.');
      const raw = asRecord(data);
      const kept = keptFrom(raw);
      const token = typeof raw.userKey === 'string' ? tokenOf(raw.userKey) : '';
      const parsed = decisionInput.safeParse({ userKey: raw.userKey, settingId: raw[`setting_${token}`], reason: raw[`reason_${token}`] });
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        if (issue?.path[0] !== 'reason') return requestsCard(actor, { text: 'That request could not be found. Nothing was changed.', color: 'Attention' }, kept);
        kept[token] = { ...kept[token], reasonError: issue.message };
        return requestsCard(actor, { text: 'Nothing was changed: check the reason below.', color: 'Attention' }, kept);
      }
      const outcome = await decide(accessDeps, actor, parsed.data);
      const { [token]: _decided, ...others } = kept;
      return requestsCard(actor, ...answerFor(outcome, token, kept, others));
    });

  /** The notice and kept answers after a decision: what happened, in words. */
  const answerFor = (outcome: DecideOutcome, token: string, kept: KeptAnswers, others: KeptAnswers): [CardNotice, KeptAnswers] => {
    switch (outcome.kind) {
      case 'forbidden':
        return [{ text: 'Access requests are for front-door administrators. Nothing was changed.', color: 'Attention' }, kept];
      case 'invalid':
        return [{ text: `Nothing was changed: ${outcome.problem.charAt(0).toLowerCase()}${outcome.problem.slice(1)}.`, color: 'Attention' }, { ...kept, [token]: { ...kept[token], settingError: outcome.problem } }];
      case 'decided': {
        const { request } = outcome;
        const text =
          request.status === 'approved'
            ? `${request.name} can now use the bot as staff of ${outcome.settingName ?? 'their setting'}. They have been told in their chat.`
            : `${request.name}’s request was refused. They have been told in their chat, with the front door’s phone number.`;
        return [{ text, color: 'Good' }, others];
      }
      case 'already': {
        const { request } = outcome;
        if (request === undefined || request.decision === undefined) return [{ text: 'That request is no longer waiting. Nothing was changed.', color: 'Default' }, others];
        const when = whenInWords(request.decision.at, deps.clock.now());
        return [{ text: `${request.name}’s request was already ${request.status} by ${outcome.byName} (${when}). Nothing was changed.`, color: 'Default' }, others];
      }
    }
  };

  const peopleCard = async (actor: Actor, notice?: CardNotice): Promise<AdaptiveCardJson> => {
    const view = await listApprovedFor(deps, actor);
    return view ? approvedPeopleCard(view, deps.clock.now(), notice) : notForYou('People given access are for front-door administrators.');
  };

  const removeWith = async (context: TurnContext, _state: BotTurnState, data: unknown) =>
    asAdmin(context, async (actor) => {
      if (!mayAdminister(actor.person.roles, 'accessRequests')) return notForYou('People given access are for front-door administrators.');
      const parsed = removalInput.safeParse(asRecord(data));
      if (!parsed.success) return peopleCard(actor, { text: 'That person could not be found. Nothing was changed.', color: 'Attention' });
      const outcome = await removeAccess(accessDeps, actor, parsed.data.userKey);
      const notice: CardNotice =
        outcome.kind === 'decided'
          ? { text: `${outcome.request.name} no longer has access, and has been told in their chat.`, color: 'Good' }
          : { text: 'That person does not have access through a request any more. Nothing was changed.', color: 'Default' };
      return peopleCard(actor, notice);
    });

  const lettersCard = async (actor: Actor, notice?: CardNotice): Promise<AdaptiveCardJson> => {
    const view = await deadLettersFor(deps, actor);
    return view ? deadLettersCard(view, notice) : notForYou('Undelivered messages are for front-door administrators and administrators.');
  };

  app.adaptiveCards.actionExecute(VERBS.accessRequests, async (context) => asAdmin(context, (actor) => requestsCard(actor)));
  app.adaptiveCards.actionExecute(VERBS.approveAccess, decideWith(approveAccess));
  app.adaptiveCards.actionExecute(VERBS.refuseAccess, decideWith(refuseAccess));
  app.adaptiveCards.actionExecute(VERBS.approvedPeople, async (context) => asAdmin(context, (actor) => peopleCard(actor)));
  app.adaptiveCards.actionExecute(VERBS.removeAccess, removeWith);
  app.adaptiveCards.actionExecute(VERBS.deadLetters, async (context) => asAdmin(context, (actor) => lettersCard(actor)));
  app.adaptiveCards.actionExecute<unknown>(VERBS.retryDeadLetter, async (context, _state, data) =>
    asAdmin(context, async (actor) => {
      if (!mayAdminister(actor.person.roles, 'deadLetters')) return lettersCard(actor);
      const parsed = retryInput.safeParse(asRecord(data));
      if (!parsed.success) return lettersCard(actor, { text: 'That message could not be found. Nothing was changed.', color: 'Attention' });
      const outcome = await retryDeadLetter(deps, actor, parsed.data.id);
      const notice: CardNotice =
        outcome.kind === 'retried'
          ? { text: `It will be sent again within a minute${outcome.caseRef ? ` (${outcome.caseRef})` : ''}. If it fails again, it comes back here.`, color: 'Good' }
          : { text: 'That message is no longer waiting here: it may have been tried again already.', color: 'Default' };
      return lettersCard(actor, notice);
    }),
  );
}
