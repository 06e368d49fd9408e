import type { CaseRecord } from '../../domain/case-record';
import { DomainError } from '../../domain/errors';
import { StoreConflictError, type CaseStore, type CaseWriteEffects, type Versioned } from '../../ports/store';

/** What one attempt decided: a write with its effects and result, or a result with nothing to write. */
export type Attempt<T> = { write: { record: CaseRecord; effects: CaseWriteEffects }; result: T } | { result: T };

/** Enough for five members voting at once, with room to spare; past it the user is asked to try again. */
const MAX_ATTEMPTS = 12;

/**
 * Reads the case, decides from what is stored now, and writes with the store's optimistic
 * concurrency. On a conflict (someone else wrote first) it reads again and decides again, so
 * every vote counts once and none is lost. Rules are re-checked on each attempt.
 */
export async function retryingCaseWrite<T>(store: CaseStore, ref: unknown, decide: (found: Versioned<CaseRecord>) => Promise<Attempt<T>>): Promise<T> {
  if (typeof ref !== 'string') throw new DomainError('CASE.NOT_FOUND', 'No such case');
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
    const found = await store.getCase(ref);
    if (!found) throw new DomainError('CASE.NOT_FOUND', 'No such case');
    const outcome = await decide(found);
    if (!('write' in outcome)) return outcome.result;
    try {
      await store.updateCase(outcome.write.record, found.version, outcome.write.effects);
      return outcome.result;
    } catch (err) {
      if (!(err instanceof StoreConflictError)) throw err;
    }
  }
  throw new DomainError('CASE.CHANGED', 'The case kept changing; try again');
}
