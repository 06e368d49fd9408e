import type { Application } from '@microsoft/teams-ai';
import { CardFactory, type TurnContext } from 'botbuilder';
import { actorFor, type Actor } from '../../app/actor';
import { buildInsights } from '../../app/insights/build-insights';
import { listScope, openCases, overdueCases } from '../../app/status/case-lists';
import { assertMayLookUp, caseStatus } from '../../app/status/status-access';
import { suggestCommands } from '../../app/status/suggest-commands';
import { londonDate, workingDayCalendar } from '../../domain/calendar';
import type { CaseRecord } from '../../domain/case-record';
import { DomainError } from '../../domain/errors';
import { namedPeriod, parsePeriod, PERIOD_NAMES, type PeriodName } from '../../domain/insights/periods';
import { findReferences } from '../../domain/reference-number';
import type { BotDeps } from '../deps';
import { noticeCard, unknownUserCard } from '../cards';
import { answerRefusals } from '../error-words';
import { identityOf } from '../identity';
import { insightsCard, statusCard, statusListCard } from '../insight-cards';
import { renderCard, type AdaptiveCardJson } from '../render-card';
import type { BotTurnState } from '../turn-state';
import { VERBS } from '../verbs';
import { menuOrUnknown } from './menu-routes';

type CardData = Record<string, unknown>;

const REFUSALS: Record<string, [string, string]> = {
  'STATUS.NOT_ALLOWED': ['Not available to you', 'Your role does not include looking up requests. If you think it should, ask a front-door administrator.'],
  'INSIGHTS.NOT_ALLOWED': ['Not available to you', 'Insights are for service managers and duty managers. If you think you should see them, ask a front-door administrator.'],
};

const STATUS_TEXT = /^\s*status\b/i;
const OPEN_TEXT = /^\s*open(\s+(requests|cases))?\s*[.!?]*\s*$/i;
const OVERDUE_TEXT = /^\s*overdue(\s+(requests|cases))?\s*[.!?]*\s*$/i;
const INSIGHTS_TEXT = /^\s*insights?\b/i;
const EXACT_COMMANDS = /^\s*(help|my queue|my requests|request support|new request)\s*$/i;

/** Status look-ups, open and overdue lists, insight cards, and suggestions for mistyped commands. */
export function registerInsightRoutes(app: Application<BotTurnState>, deps: BotDeps): void {
  const asActor = async (context: TurnContext, act: (actor: Actor) => Promise<AdaptiveCardJson>): Promise<AdaptiveCardJson> => {
    const actor = await actorFor(deps.directory, identityOf(context));
    if (!actor) return unknownUserCard(await deps.directory.frontDoorSettings());
    try {
      return await answerRefusals(() => act(actor));
    } catch (error) {
      const words = error instanceof DomainError ? REFUSALS[error.code] : undefined;
      if (words) return noticeCard(...words);
      throw error;
    }
  };
  const reply = (act: (actor: Actor, context: TurnContext) => Promise<AdaptiveCardJson>) => async (context: TurnContext) => {
    const card = await asActor(context, (actor) => act(actor, context));
    await context.sendActivity({ attachments: [CardFactory.adaptiveCard(card)] });
  };
  const today = () => londonDate(deps.clock.now());
  const mayList = (actor: Actor) => {
    try {
      listScope(actor);
      return true;
    } catch {
      return false;
    }
  };

  const status = async (actor: Actor, text: unknown): Promise<AdaptiveCardJson> => {
    if (typeof text !== 'string' || findReferences(text).length === 0) {
      assertMayLookUp(actor);
      const error = typeof text === 'string' && text.trim() !== '' ? `"${text.trim().slice(0, 40)}" is not a reference. References look like FD-2026-00042.` : '';
      return renderCard('status-lookup', { ref: typeof text === 'string' ? text.slice(0, 40) : '', error, canList: mayList(actor) });
    }
    const record = await caseStatus(deps.store, actor, text);
    const settings = await deps.directory.frontDoorSettings();
    const calendar = workingDayCalendar(settings.closureDays);
    return statusCard(record, await namesFor(record), today(), (due) => calendar.describeDue(due, today()), mayList(actor));
  };
  const namesFor = async (record: CaseRecord) => {
    const [setting, claimant, services] = await Promise.all([
      deps.directory.getSetting(record.settingId),
      record.claimantKey ? deps.directory.getPerson(record.claimantKey.split(':').pop() ?? '') : undefined,
      record.routedTo.length ? deps.directory.listServices() : [],
    ]);
    const serviceNames = record.routedTo.map((id) => services.find((s) => s.id === id)?.name ?? id);
    return { settingName: setting?.name ?? record.settingId, claimantName: claimant?.name, serviceNames };
  };
  const list = async (actor: Actor, kind: 'open' | 'overdue'): Promise<AdaptiveCardJson> => {
    const found = kind === 'open' ? await openCases(deps.store, actor) : await overdueCases(deps.store, actor, today());
    const names = new Map((await deps.directory.listSettings()).map((s) => [s.id, s.name]));
    return statusListCard(kind, found, (id) => names.get(id) ?? id, today());
  };
  const insights = async (actor: Actor, choice: ReturnType<typeof parsePeriod>): Promise<AdaptiveCardJson> => {
    if (choice.kind === 'problem') return noticeCard('Which period?', `${choice.problem} For example: "insights last month", "insights this term" or "insights from 2026-09-01 to 2026-12-31".`);
    const figures = await buildInsights(deps.store, actor, choice.period);
    return insightsCard(figures, (await deps.directory.frontDoorSettings()).responseTimes.firstResponse);
  };
  const periodFromButton = (value: unknown) => {
    const name = PERIOD_NAMES.find((p) => p === value) ?? 'this-term';
    return { kind: 'period' as const, period: namedPeriod(name satisfies PeriodName, today()) };
  };

  app.message(OPEN_TEXT, reply((actor) => list(actor, 'open')));
  app.message(OVERDUE_TEXT, reply((actor) => list(actor, 'overdue')));
  app.message(INSIGHTS_TEXT, reply((actor, context) => insights(actor, parsePeriod(context.activity.text ?? '', today()))));
  app.message(
    async (context) => STATUS_TEXT.test(context.activity.text ?? '') || findReferences(context.activity.text ?? '').length > 0,
    reply((actor, context) => status(actor, (context.activity.text ?? '').replace(STATUS_TEXT, ''))),
  );
  app.message(
    async (context) => {
      const text = context.activity.text ?? '';
      if (EXACT_COMMANDS.test(text)) return false;
      const actor = await actorFor(deps.directory, identityOf(context));
      return actor !== undefined && suggestCommands(text, actor.person.roles).length > 0;
    },
    async (context) => {
      const text = (context.activity.text ?? '').trim();
      const actor = await actorFor(deps.directory, identityOf(context));
      const suggestions = actor ? suggestCommands(text, actor.person.roles) : [];
      const card = renderCard('status-suggestions', {
        said: text.slice(0, 60),
        text: `Did you mean ${suggestions.map((s) => `"${s}"`).join(' or ')}? Choose one below, or use the menu.`,
        suggestions: suggestions.map((command) => ({ title: command, command })),
      });
      await context.sendActivity({ attachments: [CardFactory.adaptiveCard(card), CardFactory.adaptiveCard(await menuOrUnknown(context, deps))] });
    },
  );

  app.adaptiveCards.actionExecute<CardData>(VERBS.status, async (context, _state, data) => asActor(context, (actor) => status(actor, data.ref)));
  app.adaptiveCards.actionExecute(VERBS.openCases, async (context) => asActor(context, (actor) => list(actor, 'open')));
  app.adaptiveCards.actionExecute(VERBS.overdueCases, async (context) => asActor(context, (actor) => list(actor, 'overdue')));
  app.adaptiveCards.actionExecute<CardData>(VERBS.insights, async (context, _state, data) => asActor(context, (actor) => insights(actor, periodFromButton(data.period))));
}
