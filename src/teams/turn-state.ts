import { TurnState, type DefaultConversationState, type DefaultTempState } from '@microsoft/teams-ai';

/** What the bot keeps per user between turns (in the store, shared by every instance). */
export interface UserState {
  referenceSaved?: boolean;
}

export type BotTurnState = TurnState<DefaultConversationState, UserState, DefaultTempState>;

export function newTurnState(): BotTurnState {
  return new TurnState<DefaultConversationState, UserState, DefaultTempState>();
}
