import { DomainError } from '../domain/errors';
import { noticeCard } from './cards';
import type { AdaptiveCardJson } from './render-card';

/** Plain words for each failure code a user can meet; the code stays stable, the words can change. */
const WORDS: Record<string, { title: string; text: string }> = {
  'DRAFT.NOT_FOUND': { title: 'We could not find that request', text: 'It may have been sent or discarded already. Choose Request support to start again or to see your unfinished requests.' },
  'DRAFT.ALREADY_SENT': { title: 'This request has already been sent', text: 'Open My requests to follow it.' },
  'INTAKE.NOT_ALLOWED': { title: 'Not available to you', text: 'Your role does not include making requests. If you think it should, ask a front-door administrator.' },
  'INTAKE.NO_SETTING': { title: 'Your account is not linked to a school or setting', text: 'Ask a front-door administrator to link it, or phone the front door.' },
  'INTAKE.BAD_STEP': { title: 'That button is out of date', text: 'Choose Request support to carry on from where you saved.' },
  'CASE.NOT_FOUND': { title: 'We could not find that request', text: 'Check the reference, or open My requests.' },
  'CASE.NOT_ALLOWED': { title: 'Not available to you', text: 'You can only see and change your own setting’s requests.' },
  'CASE.CHANGED': { title: 'That request changed while you were looking', text: 'Open it again to see where it is now.' },
  'CASE.NOT_CLAIMANT': { title: 'This case is someone else’s', text: 'Only the person who claimed it, or a duty manager, can act on it.' },
  'CASE.WRONG_STATE': { title: 'That cannot be done now', text: 'The case has moved on. Open it again to see where it is.' },
  'CASE.NOT_WAITING': { title: 'No question is waiting for you', text: 'The duty team may already have your answer. Open My requests to see where the request is.' },
  'CASE.NOT_OPEN': { title: 'That request is already closed', text: 'It cannot be changed now. Phone the front door if something is wrong.' },
};

/** The card for a failure with a known code; undefined for anything else (the turn error handler answers). */
export function domainErrorCard(err: unknown): AdaptiveCardJson | undefined {
  if (!(err instanceof DomainError)) return undefined;
  const words = WORDS[err.code];
  return words ? noticeCard(words.title, words.text) : undefined;
}

/** Runs a card action; known refusals become a card that says what happened. */
export async function answerRefusals(action: () => Promise<AdaptiveCardJson>): Promise<AdaptiveCardJson> {
  try {
    return await action();
  } catch (err) {
    const card = domainErrorCard(err);
    if (card) return card;
    throw err;
  }
}
