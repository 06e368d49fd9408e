import type { AdaptiveCardSearchResult, Application } from '@microsoft/teams-ai';
import { z } from 'zod';
import { actorFor } from '../../app/actor';
import type { BotDeps } from '../deps';
import { identityOf } from '../identity';
import { MAX_SEARCH_RESULTS, findSettings, settingChoice } from '../setting-search';
import type { BotTurnState } from '../turn-state';

/** The dataset the school choosers of the phone-request and access-request cards search. */
export const SETTINGS_DATASET = 'settings';

/** The invoke Teams sends as someone types into a chooser with choices.data. */
export const SEARCH_INVOKE = 'application/search';

/** A typeahead answer with no results (what a failed turn answers a search with). */
export const NOTHING_FOUND = { type: 'application/vnd.microsoft.search.searchResponse', value: { results: [] } } as const;

/** What Teams sends as the admin types (application/search), as teams-ai passes it on; anything odd is read as nothing. */
const searchQuery = z.object({
  count: z.number().int().catch(MAX_SEARCH_RESULTS),
  skip: z.number().int().min(0).max(10_000).catch(0),
  parameters: z.object({ queryText: z.string().catch('') }).catch({ queryText: '' }),
});

/**
 * Typeahead search for the school or setting choosers: matching settings by name or URN / provider
 * id, only for those who may choose a setting (front-door admins); anyone else gets an empty list.
 * A failure (the store down) is answered with NOTHING_FOUND by the bot's turn-error handler, so
 * no error card lands in the chat in the middle of typing.
 */
export function registerSettingSearchRoutes(app: Application<BotTurnState>, deps: BotDeps): void {
  app.adaptiveCards.search(SETTINGS_DATASET, async (context, _state, query): Promise<AdaptiveCardSearchResult[]> => {
    const actor = await actorFor(deps.directory, identityOf(context));
    if (!actor || !actor.person.roles.includes('front-door-admin')) return [];
    const { count, skip, parameters } = searchQuery.parse(query);
    return findSettings(await deps.directory.listSettings(), parameters.queryText, { skip, limit: count }).map(settingChoice);
  });
}
