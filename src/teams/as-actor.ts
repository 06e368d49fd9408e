import type { TurnContext } from 'botbuilder';
import { actorFor, type Actor } from '../app/actor';
import { unknownUserCard } from './cards';
import type { BotDeps } from './deps';
import { answerRefusals } from './error-words';
import { identityOf } from './identity';
import type { AdaptiveCardJson } from './render-card';

/**
 * Runs a card action as the person Teams says sent it: an unknown person gets the phone number and
 * "Request access", never case data; a known refusal (a DomainError code) gets a card in plain words.
 */
export function asActorOf(deps: BotDeps) {
  return async (context: TurnContext, act: (actor: Actor) => Promise<AdaptiveCardJson>): Promise<AdaptiveCardJson> => {
    const actor = await actorFor(deps.directory, identityOf(context));
    if (!actor) return unknownUserCard(await deps.directory.frontDoorSettings());
    return answerRefusals(() => act(actor));
  };
}
