import { applyAction, latestMessage } from '../../domain/case-lifecycle';
import type { CaseRecord } from '../../domain/case-record';
import { formatLongDate, londonDate, workingDayCalendar } from '../../domain/calendar';
import { DomainError } from '../../domain/errors';
import { textField } from '../../domain/intake/fields';
import { StoreConflictError } from '../../ports/store';
import type { Actor } from '../actor';
import { visibleCase } from '../requests/case-access';
import { alertUpdate, auditOf, personalCard } from './case-effects';
import type { TriageDeps } from './triage-deps';
import { triageView } from './triage-view';

const answerField = textField({ label: 'Your answer', max: 4000, multiline: true, empty: 'Write your answer before sending' });

export type ReplyOutcome = { kind: 'sent'; record: CaseRecord; to: string } | { kind: 'invalid'; record: CaseRecord; question: string; answer: string; error: string };

/** The school answers the duty professional's question: the clock resumes and the claimant is told. */
export async function answerSchoolQuestion(deps: TriageDeps, actor: Actor, ref: unknown, rawAnswer: unknown): Promise<ReplyOutcome> {
  const found = await visibleCase(deps.store, actor, ref);
  const mine = found.value.requesterKey === actor.key || actor.person.settingId === found.value.settingId;
  if (!mine) throw new DomainError('CASE.NOT_ALLOWED', 'Only the setting answers its questions');
  if (found.value.status !== 'awaiting-school') throw new DomainError('CASE.NOT_WAITING', 'No question is waiting for an answer');
  const question = latestMessage(found.value, 'question')?.text ?? '';
  const parsed = answerField.safeParse(rawAnswer);
  if (!parsed.success) {
    return { kind: 'invalid', record: found.value, question, answer: typeof rawAnswer === 'string' ? rawAnswer.slice(0, 4000) : '', error: parsed.error.issues[0]?.message ?? 'Check your answer' };
  }
  const settings = await deps.directory.frontDoorSettings();
  // The lifecycle moves the due dates later by exactly the working days the case waited for the school.
  const now = deps.clock.now();
  const record = applyAction(found.value, { type: 'school-reply', by: actor.key, at: now.toISOString(), answer: parsed.data }, workingDayCalendar(settings.closureDays));
  const dueNow = record.firstResponseDue ? ` Your reply to the school is now due by ${formatLongDate(record.firstResponseDue, londonDate(now))}.` : '';
  const claimant = record.claimantKey;
  if (!claimant) throw new DomainError('CASE.WRONG_STATE', 'A case waiting for the school has a claimant');
  try {
    await deps.store.updateCase(record, found.version, {
      audit: [auditOf(deps, actor.key, 'case.school-replied', record)],
      outbox: [
        await alertUpdate(deps, record),
        personalCard(deps, claimant, record, deps.cards.schoolUpdate({ title: `${record.ref}: the school has answered`, text: `${actor.person.name} answered your question. The response clock has started again.${dueNow}` })),
        personalCard(deps, claimant, record, deps.cards.triage(await triageView(deps, { key: claimant, roles: ['duty-professional'] }, record))),
      ],
    });
  } catch (err) {
    if (err instanceof StoreConflictError) throw new DomainError('CASE.CHANGED', 'The case changed meanwhile');
    throw err;
  }
  const person = await deps.directory.getPerson(claimant.split(':').pop() ?? '');
  return { kind: 'sent', record, to: person?.name ?? 'the duty team' };
}
