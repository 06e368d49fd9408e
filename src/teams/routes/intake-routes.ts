import type { Application } from '@microsoft/teams-ai';
import { CardFactory, TeamsInfo, type TurnContext } from 'botbuilder';
import type { Actor } from '../../app/actor';
import { discardDraft, listOwnDrafts, ownDraft, startDraft, type IntakeChannel } from '../../app/intake/drafts';
import { fillStep, type FormMove, type FormView } from '../../app/intake/fill-step';
import { submitRequest } from '../../app/intake/submit-request';
import { asActorOf } from '../as-actor';
import type { BotDeps } from '../deps';
import { noticeCard } from '../cards';
import { requestStartCard, safeguardingCard, stepCard } from '../intake-cards';
import { notificationCards } from '../notification-cards';
import { renderCard, type AdaptiveCardJson } from '../render-card';
import type { BotTurnState } from '../turn-state';
import { VERBS } from '../verbs';

type CardData = Record<string, unknown>;

/** The school's request form: start, step through, save for later, resume, discard, send. */
export function registerIntakeRoutes(app: Application<BotTurnState>, deps: BotDeps): void {
  const asActor = asActorOf(deps);

  const show = async (view: FormView): Promise<AdaptiveCardJson> => {
    if (view.kind === 'safeguarding') return safeguardingCard(view.draft.id, await deps.directory.frontDoorSettings());
    if (view.kind === 'saved') return noticeCard('Saved', 'Your answers are saved. Come back any time: choose Request support and then Continue.');
    return stepCard(view, { settings: await deps.directory.listSettings() });
  };

  const startCard = async (context: TurnContext, actor: Actor): Promise<AdaptiveCardJson> => {
    const drafts = await listOwnDrafts(deps, actor);
    const onlyOwnSetting = !actor.person.roles.includes('front-door-admin');
    if (drafts.length === 0 && onlyOwnSetting) return begin(context, actor, 'teams');
    return requestStartCard(actor, drafts, deps.clock.now());
  };

  const begin = async (context: TurnContext, actor: Actor, channel: IntakeChannel): Promise<AdaptiveCardJson> => {
    const draft = await startDraft(deps, actor, channel, channel === 'teams' ? { email: await teamsEmail(context) } : {});
    return show({ kind: 'step', draft: draft.value, step: 'requester', errors: {} });
  };

  app.message(/^\s*(request support|new request)\s*$/i, async (context) => {
    const card = await asActor(context, (actor) => startCard(context, actor));
    await context.sendActivity({ attachments: [CardFactory.adaptiveCard(card)] });
  });
  app.adaptiveCards.actionExecute(VERBS.requestSupport, async (context) => asActor(context, (actor) => startCard(context, actor)));
  app.adaptiveCards.actionExecute<CardData>(VERBS.intakeStart, async (context, _state, data) =>
    asActor(context, (actor) => begin(context, actor, data.channel === 'phone' || data.channel === 'email' ? data.channel : 'teams')),
  );

  const moves: Array<[string, FormMove]> = [
    [VERBS.intakeNext, 'next'],
    [VERBS.intakeBack, 'back'],
    [VERBS.intakeSave, 'save'],
    [VERBS.intakeEdit, 'edit'],
    [VERBS.intakeResume, 'resume'],
  ];
  for (const [verb, move] of moves) {
    app.adaptiveCards.actionExecute<CardData>(verb, async (context, _state, data) =>
      asActor(context, async (actor) => show(await fillStep(deps, actor, move, { draftId: data.draftId, step: data.step, inputs: data }))),
    );
  }

  app.adaptiveCards.actionExecute<CardData>(VERBS.intakeCancel, async (context, _state, data) =>
    asActor(context, async (actor) => renderCard('confirm-cancel', { draftId: (await ownDraft(deps, actor, data.draftId)).value.id })),
  );
  app.adaptiveCards.actionExecute<CardData>(VERBS.intakeDiscard, async (context, _state, data) =>
    asActor(context, async (actor) => {
      await discardDraft(deps, actor, data.draftId);
      return noticeCard('Request discarded', 'Nothing was sent. Choose Request support whenever you need to ask for help.');
    }),
  );
  app.adaptiveCards.actionExecute<CardData>(VERBS.intakeSubmit, async (context, _state, data) =>
    asActor(context, async (actor) => {
      const outcome = await submitRequest({ ...deps, cards: notificationCards }, actor, data.draftId);
      if (outcome.kind === 'invalid') return show({ kind: 'step', draft: outcome.draft, step: 'review', errors: outcome.errors });
      const settings = await deps.directory.frontDoorSettings();
      return renderCard('receipt', { ref: outcome.record.ref, dueInWords: outcome.dueInWords, phone: settings.phone });
    }),
  );
}

/** The user's email from Teams, where the platform gives it (the roster call can fail: then none). */
async function teamsEmail(context: TurnContext): Promise<string | undefined> {
  try {
    const member = await TeamsInfo.getMember(context, context.activity.from.id);
    return member.email ?? member.userPrincipalName ?? undefined;
  } catch {
    return undefined;
  }
}

