import type { Application } from '@microsoft/teams-ai';
import { CardFactory } from 'botbuilder';
import type { Actor } from '../../app/actor';
import { casesAwaitingPanel, schedulePanelMeeting } from '../../app/panel/agenda';
import { castPanelVote } from '../../app/panel/cast-vote';
import { openPanelCase } from '../../app/panel/open-panel-case';
import { panelPostView, type PanelForm } from '../../app/panel/panel-view';
import { recordPanelDecision } from '../../app/panel/record-decision';
import type { TriageDeps } from '../../app/triage/triage-deps';
import type { CaseRecord } from '../../domain/case-record';
import { formatLongDate, londonDate } from '../../domain/calendar';
import { DomainError } from '../../domain/errors';
import { NEED_LABELS } from '../../domain/intake';
import { asActorOf } from '../as-actor';
import { noticeCard } from '../cards';
import type { BotDeps } from '../deps';
import { notificationCards } from '../notification-cards';
import { PANEL_REFUSALS, panelPostCard } from '../panel-cards';
import { renderCard, type AdaptiveCardJson } from '../render-card';
import type { BotTurnState } from '../turn-state';
import { VERBS } from '../verbs';

type CardData = Record<string, unknown>;

/** The panel: votes and the chair's decision on the Panel channel card, the full request privately, and meeting agendas. */
export function registerPanelRoutes(app: Application<BotTurnState>, deps: BotDeps): void {
  const panelDeps: TriageDeps = { ...deps, cards: notificationCards };
  const asActor = asActorOf(deps);

  const cardFor = async (ref: unknown, form: PanelForm = {}): Promise<AdaptiveCardJson | undefined> => {
    const found = typeof ref === 'string' ? await deps.store.getCase(ref) : undefined;
    if (!found || (found.value.status !== 'panel' && found.value.status !== 'decided')) return undefined;
    return panelPostCard(await panelPostView(panelDeps, found.value, form));
  };
  /** A refused click keeps the Panel card in place, as stored now, with the reason at the top. */
  const onPanelCard = async (ref: unknown, act: () => Promise<{ record: CaseRecord; form: PanelForm }>): Promise<AdaptiveCardJson> => {
    try {
      const { record, form } = await act();
      return panelPostCard(await panelPostView(panelDeps, record, form));
    } catch (err) {
      const words = err instanceof DomainError ? PANEL_REFUSALS[err.code] : undefined;
      if (words === undefined) throw err;
      return (await cardFor(ref, { notice: { text: words, tone: 'problem' } })) ?? noticeCard('Nothing was changed', words);
    }
  };

  app.adaptiveCards.actionExecute<CardData>(VERBS.panelVote, async (context, _state, data) =>
    asActor(context, (actor) =>
      onPanelCard(data.ref, async () => {
        const outcome = await castPanelVote(panelDeps, actor, data.ref, data.choice, data.voteComment);
        if (outcome.kind === 'invalid') return { record: outcome.record, form: { errors: outcome.errors, kept: outcome.kept, notice: { text: 'Your vote was not counted: see below.', tone: 'problem' } } };
        return { record: outcome.record, form: { notice: { text: `${actor.person.name}, your vote is counted. You can change it until the chair decides.`, tone: 'info' } } };
      }),
    ),
  );

  app.adaptiveCards.actionExecute<CardData>(VERBS.panelDecide, async (context, _state, data) =>
    asActor(context, (actor) =>
      onPanelCard(data.ref, async () => {
        const outcome = await recordPanelDecision(panelDeps, actor, data.ref, data);
        if (outcome.kind === 'invalid') return { record: outcome.record, form: { errors: outcome.errors, kept: outcome.kept, notice: { text: 'The decision was not recorded: see below.', tone: 'problem' } } };
        return { record: outcome.record, form: { notice: { text: 'Decision recorded. The school and the duty team have been told.', tone: 'info' } } };
      }),
    ),
  );

  app.adaptiveCards.actionExecute<CardData>(VERBS.panelOpenCase, async (context, _state, data) =>
    asActor(context, (actor) =>
      onPanelCard(data.ref, async () => ({ record: await openPanelCase(panelDeps, actor, data.ref), form: { notice: { text: `The full request is in ${actor.person.name}'s chat with the bot.`, tone: 'info' } } })),
    ),
  );

  const scheduleCard = async (actor: Actor, form: { errors?: Record<string, string>; kept?: Record<string, string>; waiting?: CaseRecord[] } = {}): Promise<AdaptiveCardJson> => {
    const waiting = form.waiting ?? (await casesAwaitingPanel(panelDeps, actor));
    const today = londonDate(deps.clock.now());
    const settings = new Map((await deps.directory.listSettings()).map((s) => [s.id, s.name]));
    return renderCard('panel-schedule', {
      summary: waiting.length === 0 ? 'No cases are waiting for the panel.' : `${waiting.length} case${waiting.length === 1 ? '' : 's'} waiting for the panel, oldest first`,
      cases: waiting.map((c) => ({
        value: c.ref,
        title: `${c.ref} · ${settings.get(c.settingId) ?? c.settingId} · ${NEED_LABELS[c.primaryNeed]} · due ${c.panelDue ? formatLongDate(c.panelDue, today) : 'not set'}${c.panel.meetingDate ? ` · on ${formatLongDate(c.panel.meetingDate, today)}` : ''}`,
      })),
      kept: { refs: form.kept?.refs ?? '', meetingDate: form.kept?.meetingDate ?? '' },
      errors: { refs: form.errors?.refs ?? '', meetingDate: form.errors?.meetingDate ?? '' },
    });
  };
  const chairOnly = (act: () => Promise<AdaptiveCardJson>): Promise<AdaptiveCardJson> =>
    act().catch((err: unknown) => {
      if (err instanceof DomainError && err.code === 'PANEL.NOT_CHAIR') return noticeCard('Not available to you', 'Only the panel chair plans panel meetings.');
      throw err;
    });

  app.message(/^\s*panel agenda\s*$/i, async (context) => {
    const card = await asActor(context, (actor) => chairOnly(() => scheduleCard(actor)));
    await context.sendActivity({ attachments: [CardFactory.adaptiveCard(card)] });
  });
  app.adaptiveCards.actionExecute(VERBS.panelAgenda, async (context) => asActor(context, (actor) => chairOnly(() => scheduleCard(actor))));

  app.adaptiveCards.actionExecute<CardData>(VERBS.panelSchedule, async (context, _state, data) =>
    asActor(context, (actor) =>
      chairOnly(async () => {
        const outcome = await schedulePanelMeeting(panelDeps, actor, data.refs, data.meetingDate);
        if (outcome.kind === 'invalid') return scheduleCard(actor, outcome);
        const when = formatLongDate(outcome.meetingDate, londonDate(deps.clock.now()));
        return noticeCard(`Panel meeting on ${when}`, `The agenda (${outcome.cases.map((c) => c.ref).join(', ')}) is posted in the Panel channel.`);
      }),
    ),
  );
}
