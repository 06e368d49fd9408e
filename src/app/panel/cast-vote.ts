import { z } from 'zod';
import type { CaseRecord } from '../../domain/case-record';
import { DomainError } from '../../domain/errors';
import { assertOpenForPanel, castVote, commentProblem, isPanelMember, VOTE_CHOICES } from '../../domain/panel';
import type { Actor } from '../actor';
import { auditOf } from '../triage/case-effects';
import type { TriageDeps } from '../triage/triage-deps';
import { panelUpdate } from './panel-effects';
import { retryingCaseWrite } from './retrying-write';

export type VoteOutcome = { kind: 'voted'; record: CaseRecord } | { kind: 'invalid'; record: CaseRecord; errors: Record<string, string>; kept: Record<string, string> };

const choiceSchema = z.enum(VOTE_CHOICES);
const COMMENT_MAX = 2000;

/**
 * A panel member's vote (or changed vote) on a case at the panel: checked on the server, one per
 * member, stored with optimistic concurrency (retried on a conflict, so simultaneous votes all
 * count), and in the same write the Panel channel card is updated for everyone.
 */
export async function castPanelVote(deps: TriageDeps, actor: Actor, ref: unknown, rawChoice: unknown, rawComment: unknown): Promise<VoteOutcome> {
  if (!isPanelMember(actor.person.roles)) throw new DomainError('PANEL.NOT_MEMBER', 'Only panel members vote');
  const choice = choiceSchema.safeParse(rawChoice);
  if (!choice.success) throw new DomainError('PANEL.BAD_VOTE', 'Not a vote the card offers');
  const comment = typeof rawComment === 'string' ? rawComment.slice(0, COMMENT_MAX) : '';
  return retryingCaseWrite<VoteOutcome>(deps.store, ref, async (found) => {
    assertOpenForPanel(found.value);
    const problem = commentProblem(choice.data, comment);
    if (problem !== undefined) return { result: { kind: 'invalid', record: found.value, errors: { voteComment: problem }, kept: { voteComment: comment } } };
    const record = castVote(found.value, { byKey: actor.key, choice: choice.data, comment, at: deps.clock.now().toISOString() }, actor.person.roles);
    return {
      write: { record, effects: { audit: [auditOf(deps, actor.key, 'panel.voted', record, { choice: choice.data })], outbox: [await panelUpdate(deps, record)] } },
      result: { kind: 'voted', record },
    };
  });
}
