import { Application, TeamsAdapter } from '@microsoft/teams-ai';
import { TurnContext, type BotAdapter } from 'botbuilder';
import { userKey } from '../domain/roles';
import { StoreUnavailableError } from '../ports/store';
import { describeError } from '../logging/json-logger';
import type { BotDeps } from './deps';
import { noticeCard } from './cards';
import { identityOf } from './identity';
import { FORM_MOVE_VERBS, typedAgainCard } from './intake-cards';
import { FAILED, UNAVAILABLE } from './unavailable';
import { registerAccessRoutes } from './routes/access-routes';
import { registerAdminRoutes } from './routes/admin-routes';
import { registerIntakeRoutes } from './routes/intake-routes';
import { registerInsightRoutes } from './routes/insight-routes';
import { registerMenuRoutes } from './routes/menu-routes';
import { registerPanelRoutes } from './routes/panel-routes';
import { registerRequestRoutes } from './routes/request-routes';
import { NOTHING_FOUND, SEARCH_INVOKE, registerSettingSearchRoutes } from './routes/setting-search-routes';
import { registerTriageRoutes } from './routes/triage-routes';
import { channelReferenceKeeper } from './channel-references';
import { StoreBackedStorage } from './state-storage';
import { newTurnState, type BotTurnState } from './turn-state';

/**
 * The bot: a Teams AI application whose turn state lives in the app's store, with every route
 * registered. Production passes the TeamsAdapter; route tests pass botbuilder's TestAdapter.
 */
export function createBotApp(deps: BotDeps, adapter: BotAdapter): Application<BotTurnState> {
  const app = new Application<BotTurnState>({
    adapter: adapter instanceof TeamsAdapter ? adapter : undefined,
    storage: new StoreBackedStorage(deps.store),
    removeRecipientMention: true,
    startTypingTimer: false,
    longRunningMessages: false,
    turnStateFactory: newTurnState,
  });

  const keepChannels = channelReferenceKeeper(deps);
  app.turn('beforeTurn', async (context, state) => {
    await keepChannels(context);
    return rememberConversation(context, state, deps);
  });
  registerIntakeRoutes(app, deps);
  registerRequestRoutes(app, deps);
  registerTriageRoutes(app, deps);
  registerPanelRoutes(app, deps);
  registerAccessRoutes(app, deps);
  registerAdminRoutes(app, deps);
  registerSettingSearchRoutes(app, deps); // application/search: the school choosers' typeahead
  registerInsightRoutes(app, deps); // after the exact commands above: its suggestions answer near-misses
  registerMenuRoutes(app, deps); // last: its catch-all message route answers anything not matched above

  adapter.onTurnError = async (context, error) => {
    // A proactive send (the outbox) must see its own failure, or a lost message would count as delivered.
    if (context.activity.type === 'event' && context.activity.name === 'ContinueConversation') throw error;
    deps.logger.error('turn.failed', { activityType: context.activity.type, name: context.activity.name, ...describeError(error) });
    const cardAction = context.activity.type === 'invoke' && context.activity.name === 'adaptiveCard/action';
    const action = (context.activity.value as { action?: { verb?: unknown; data?: unknown } } | undefined)?.action;
    const words = error instanceof StoreUnavailableError ? UNAVAILABLE : FAILED;
    if (context.activity.type === 'invoke' && context.activity.name === SEARCH_INVOKE) {
      // Typeahead: an empty list while typing, never a card posted into the chat per keystroke.
      await context.sendActivity({ type: 'invokeResponse', value: { status: 200, body: NOTHING_FOUND } });
      return;
    }
    if (!cardAction) {
      await context.sendActivity({ attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: noticeCard(words.title, words.text) }] });
      return;
    }
    // A form step is drawn again with the answers and the words on it. Any other card stays as it is,
    // with whatever was typed into it, and the words appear beneath it (a message, not a new card).
    const formStep = words === UNAVAILABLE && FORM_MOVE_VERBS.has(String(action?.verb)) && action?.data && typeof action.data === 'object';
    const body = formStep
      ? { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: typedAgainCard(action.data as Record<string, unknown>) }
      : { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: `${words.title}. ${words.text}` };
    await context.sendActivity({ type: 'invokeResponse', value: { status: 200, body } });
  };
  return app;
}

/** Keeps the conversation reference of each personal chat once, so the bot can write first later. */
async function rememberConversation(context: TurnContext, state: BotTurnState, deps: BotDeps): Promise<boolean> {
  const identity = identityOf(context);
  if (context.activity.conversation.conversationType !== 'personal' || !identity) return true;
  if (state.user.referenceSaved === true) return true;
  await deps.store.saveConversation({
    key: userKey(identity),
    reference: JSON.parse(JSON.stringify(TurnContext.getConversationReference(context.activity))) as Record<string, unknown>,
    updatedAt: deps.clock.now().toISOString(),
  });
  state.user.referenceSaved = true;
  return true;
}
