import type { Application } from '@microsoft/teams-ai';
import { CardFactory } from 'botbuilder';
import type { Actor } from '../../app/actor';
import { dutyAlertView } from '../../app/triage/alert-view';
import { claimCase } from '../../app/triage/claim-case';
import { myQueue } from '../../app/triage/my-queue';
import { openTriage, viewAfterDecision } from '../../app/triage/open-triage';
import { answerSchoolQuestion } from '../../app/triage/school-reply';
import { triageCase, type TriageDecision } from '../../app/triage/triage-case';
import { formatLongDate, londonDate, workingDayCalendar } from '../../domain/calendar';
import { NEED_LABELS } from '../../domain/intake';
import { asActorOf } from '../as-actor';
import type { BotDeps } from '../deps';
import { noticeCard } from '../cards';
import { notificationCards } from '../notification-cards';
import { renderCard, type AdaptiveCardJson } from '../render-card';
import { triageCard } from '../triage-cards';
import type { BotTurnState } from '../turn-state';
import { VERBS } from '../verbs';

type CardData = Record<string, unknown>;

const DECISIONS: Array<[string, TriageDecision]> = [
  [VERBS.triageRoute, 'route'],
  [VERBS.triageAdvise, 'advise'],
  [VERBS.triageAsk, 'ask-school'],
  [VERBS.triageEscalate, 'escalate'],
  [VERBS.triageRelease, 'release'],
  [VERBS.triageReassign, 'reassign'],
];

/** The duty team's work: claim from the channel, decide in private, the school's answers, my queue. */
export function registerTriageRoutes(app: Application<BotTurnState>, deps: BotDeps): void {
  const triageDeps = { ...deps, cards: notificationCards };
  const asActor = asActorOf(deps);

  app.adaptiveCards.actionExecute<CardData>(VERBS.claimCase, async (context, _state, data) =>
    asActor(context, async (actor) => {
      const outcome = await claimCase(triageDeps, actor, data.ref);
      return renderCard('duty-alert', await dutyAlertView(deps.directory, outcome.record, deps.clock.now()));
    }),
  );

  app.adaptiveCards.actionExecute<CardData>(VERBS.openTriage, async (context, _state, data) => asActor(context, async (actor) => triageCard(await openTriage(triageDeps, actor, data.ref))));

  for (const [verb, decision] of DECISIONS) {
    app.adaptiveCards.actionExecute<CardData>(verb, async (context, _state, data) =>
      asActor(context, async (actor) => {
        const outcome = await triageCase(triageDeps, actor, data.ref, decision, data);
        const form = outcome.kind === 'invalid' ? { errors: outcome.errors, kept: outcome.kept } : {};
        return triageCard(await viewAfterDecision(triageDeps, actor, outcome.record, form));
      }),
    );
  }

  app.adaptiveCards.actionExecute<CardData>(VERBS.schoolReply, async (context, _state, data) =>
    asActor(context, async (actor) => {
      const outcome = await answerSchoolQuestion(triageDeps, actor, data.ref, data.answer);
      if (outcome.kind === 'invalid') {
        return renderCard('school-question', { ref: outcome.record.ref, askedBy: 'The duty team', question: outcome.question, answer: outcome.answer, error: outcome.error });
      }
      return noticeCard(`Answer sent for ${outcome.record.ref}`, `${outcome.to} has your answer. We will be in touch.`);
    }),
  );

  const queueCard = async (actor: Actor): Promise<AdaptiveCardJson> => {
    const cases = await myQueue(deps.store, actor);
    const settings = await deps.directory.frontDoorSettings();
    const calendar = workingDayCalendar(settings.closureDays);
    const today = londonDate(deps.clock.now());
    const settingNames = new Map((await deps.directory.listSettings()).map((s) => [s.id, s.name]));
    return renderCard('my-queue', {
      summary: cases.length === 0 ? 'Nothing in your queue. Claim a request from the Duty channel.' : `${cases.length} open request${cases.length === 1 ? '' : 's'}, soonest due first`,
      items: cases.map((c) => ({
        ref: c.ref,
        dueWords: c.status === 'awaiting-school' ? 'waiting for the school' : c.firstResponseDue ? `${calendar.describeDue(c.firstResponseDue, today)} (${formatLongDate(c.firstResponseDue, today)})` : '',
        detail: `${settingNames.get(c.settingId) ?? c.settingId} · ${NEED_LABELS[c.primaryNeed]} · ${c.urgency}`,
      })),
    });
  };
  app.message(/^\s*my queue\s*$/i, async (context) => {
    const card = await asActor(context, queueCard);
    await context.sendActivity({ attachments: [CardFactory.adaptiveCard(card)] });
  });
  app.adaptiveCards.actionExecute(VERBS.myQueue, async (context) => asActor(context, queueCard));
}
