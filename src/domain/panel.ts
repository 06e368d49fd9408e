import { z } from 'zod';
import { londonDate, type WorkingDayCalendar } from './calendar';
import type { CaseRecord } from './case-record';
import { revised } from './revised';
import type { Role } from './roles';
import { DomainError } from './errors';

const isoInstant = z.string().datetime({ offset: true });
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** How a panel member can vote on a proposed package. */
export const VOTE_CHOICES = ['support', 'support-with-changes', 'do-not-support'] as const;
export type VoteChoice = (typeof VOTE_CHOICES)[number];

/** Choices whose comment is required: the changes wanted, or the reason for not supporting. */
const COMMENT_REQUIRED: ReadonlySet<VoteChoice> = new Set(['support-with-changes', 'do-not-support']);

export const panelVoteSchema = z.object({ byKey: z.string().min(1), choice: z.enum(VOTE_CHOICES), comment: z.string(), at: isoInstant });
export type PanelVote = z.infer<typeof panelVoteSchema>;

/** One service in an agreed package: what it will do, and who leads it. */
export const packageItemSchema = z.object({ serviceId: z.string().min(1), action: z.string().min(1), lead: z.string().min(1) });
export type PackageItem = z.infer<typeof packageItemSchema>;

export const PANEL_OUTCOMES = ['agreed', 'not-agreed'] as const;
export type PanelOutcome = (typeof PANEL_OUTCOMES)[number];

/** Figures kept for reporting once the panel has decided. */
export const panelMeasuresSchema = z.object({
  escalatedAt: isoInstant,
  /** Elapsed hours from escalation to decision, to one decimal place. */
  hoursToDecision: z.number().min(0),
  /** Working days from the escalation's London date to the decision's (0: the same day). */
  workingDaysToDecision: z.number().int().min(0),
  /** Whether the decision came by the panel's due date. */
  withinSetTime: z.boolean(),
  outcome: z.enum(PANEL_OUTCOMES),
  /** Catalogue ids of the services in the package (none when not agreed). */
  services: z.array(z.string()),
  votes: z.object({ support: z.number().int().min(0), supportWithChanges: z.number().int().min(0), doNotSupport: z.number().int().min(0) }),
});
export type PanelMeasures = z.infer<typeof panelMeasuresSchema>;

/** The chair's decision: a package and the words the school reads, or "not agreed" and the alternative advice. */
export const panelDecisionSchema = z.object({
  at: isoInstant,
  byKey: z.string().min(1),
  outcome: z.enum(PANEL_OUTCOMES),
  package: z.array(packageItemSchema),
  /** For the school: the decision in plain words, or the alternative advice. */
  schoolWords: z.string().min(1),
  measures: panelMeasuresSchema,
});
export type PanelDecision = z.infer<typeof panelDecisionSchema>;

/** What the panel has done with a case: votes (one per member), the meeting it is on, the decision. */
export const panelStateSchema = z.object({
  votes: z.array(panelVoteSchema),
  /** The meeting date the chair put the case on, if any: voting outside meetings still works. */
  meetingDate: isoDate.nullable(),
  /** The meeting date whose day-before reminder this case carried, so it goes once. */
  meetingReminded: isoDate.nullable().default(null),
  decision: panelDecisionSchema.nullable(),
});
export type PanelState = z.infer<typeof panelStateSchema>;

/** A case the panel has not seen yet. */
export const EMPTY_PANEL: PanelState = { votes: [], meetingDate: null, meetingReminded: null, decision: null };

/**
 * How many votes the panel needs before the chair may decide: at least `minVotes`, and, when
 * `majorityOfMembers` is set, more than half of the panel's members. The front door's settings file
 * (data/front-door.yaml) is read strictly and has no panel section, so this constant is the setting:
 * change it here, or pass another rule to quorumOf.
 */
export const PANEL_QUORUM = { minVotes: 3, majorityOfMembers: true } as const;
export type QuorumRule = { minVotes: number; majorityOfMembers: boolean };

/** Roles that may vote: panel members, and the chair (who is a member of the panel). */
export function isPanelMember(roles: readonly Role[]): boolean {
  return roles.includes('panel-member') || roles.includes('panel-chair');
}

export function isPanelChair(roles: readonly Role[]): boolean {
  return roles.includes('panel-chair');
}

export interface Tally {
  support: number;
  supportWithChanges: number;
  doNotSupport: number;
  total: number;
}

/** The count of each choice among the votes. */
export function tallyOf(votes: readonly PanelVote[]): Tally {
  const count = (choice: VoteChoice) => votes.filter((v) => v.choice === choice).length;
  return { support: count('support'), supportWithChanges: count('support-with-changes'), doNotSupport: count('do-not-support'), total: votes.length };
}

/** Votes needed for a panel of `memberCount` members. */
export function votesNeeded(memberCount: number, rule: QuorumRule = PANEL_QUORUM): number {
  const majority = rule.majorityOfMembers ? Math.floor(memberCount / 2) + 1 : 0;
  return Math.max(rule.minVotes, majority);
}

/** Who is on the panel now: how many members, and whether a user key is one of them. */
export interface PanelMembers {
  readonly size: number;
  has(key: string): boolean;
}

/** Whether the votes cast by current members reach quorum. Votes from people no longer on the panel do not count. */
export function quorumOf(votes: readonly PanelVote[], memberKeys: PanelMembers, rule: QuorumRule = PANEL_QUORUM): { reached: boolean; counted: number; needed: number } {
  const counted = votes.filter((v) => memberKeys.has(v.byKey)).length;
  const needed = votesNeeded(memberKeys.size, rule);
  return { reached: counted >= needed, counted, needed };
}

/** The empty-comment problem for a choice, if any: changes and refusals need their reason. */
export function commentProblem(choice: VoteChoice, comment: string): string | undefined {
  if (!COMMENT_REQUIRED.has(choice) || comment.trim() !== '') return undefined;
  return choice === 'support-with-changes' ? 'Say which changes you want before voting "Support with changes"' : 'Give your reason before voting "Do not support"';
}

/** Refuses anything but a case waiting at the panel with no decision yet. */
export function assertOpenForPanel(record: CaseRecord): void {
  if (record.panel.decision !== null || record.status === 'decided') throw new DomainError('PANEL.DECIDED', 'The panel has already decided this case');
  if (record.status !== 'panel') throw new DomainError('PANEL.NOT_AT_PANEL', `The case is ${record.status}, not with the panel`);
}

/**
 * The case with the member's vote: one per member, a later vote replacing the earlier one.
 * Refused after the decision, from a non-member, and for a change or refusal without its comment.
 */
export function castVote(record: CaseRecord, vote: PanelVote, voterRoles: readonly Role[]): CaseRecord {
  if (!isPanelMember(voterRoles)) throw new DomainError('PANEL.NOT_MEMBER', 'Only panel members vote');
  assertOpenForPanel(record);
  if (commentProblem(vote.choice, vote.comment) !== undefined) throw new DomainError('PANEL.COMMENT_REQUIRED', 'This vote needs a comment');
  const votes = [...record.panel.votes.filter((v) => v.byKey !== vote.byKey), { ...vote, comment: vote.comment.trim() }];
  return revised(record, { updatedAt: vote.at, panel: { ...record.panel, votes } });
}

/** The problems with a decision's content, by form field: empty means it can be recorded. */
export function decisionProblems(input: { outcome: PanelOutcome; package: readonly PackageItem[]; schoolWords: string }, catalogueIds: ReadonlySet<string>): Record<string, string> {
  const problems: Record<string, string> = {};
  if (input.schoolWords.trim() === '') {
    problems.schoolWords = input.outcome === 'agreed' ? 'Write what the school will read about the package' : 'Write the alternative advice for the school';
  }
  if (input.outcome === 'not-agreed') return problems;
  if (input.package.length === 0) problems.package = 'Add at least one service to the package';
  else if (input.package.some((item) => !catalogueIds.has(item.serviceId))) problems.package = 'Choose each service from the catalogue';
  else if (new Set(input.package.map((i) => i.serviceId)).size !== input.package.length) problems.package = 'Name each service once';
  else if (input.package.some((i) => i.action.trim() === '' || i.lead.trim() === '')) problems.package = 'Give every service in the package an action and a lead';
  return problems;
}

/** What the chair sends: the outcome, the package (for "agreed"), and the words the school reads. */
export interface DecisionInput {
  outcome: PanelOutcome;
  package: PackageItem[];
  schoolWords: string;
}

/** Who decides and with what: the members now on the panel, the catalogue, and the authority's calendar. */
export interface DecisionContext {
  byKey: string;
  at: string;
  memberKeys: PanelMembers;
  catalogueIds: ReadonlySet<string>;
  calendar: WorkingDayCalendar;
  rule?: QuorumRule;
}

/** When the case went to the panel: the latest summary for the panel, else its last update. */
export function escalatedAtOf(record: CaseRecord): string {
  return [...record.messages].reverse().find((m) => m.kind === 'panel-summary')?.at ?? record.updatedAt;
}

/**
 * The chair's decision with its reporting figures. Refused when the case is not open for the panel,
 * before quorum, and when its content has problems (PANEL.INVALID: check decisionProblems first to
 * show them beside the fields). Who may decide (the chair) is the use case's check.
 */
export function panelDecision(record: CaseRecord, input: DecisionInput, ctx: DecisionContext): PanelDecision {
  assertOpenForPanel(record);
  const quorum = quorumOf(record.panel.votes, ctx.memberKeys, ctx.rule);
  if (!quorum.reached) throw new DomainError('PANEL.NO_QUORUM', `${quorum.counted} of ${quorum.needed} votes needed`);
  if (Object.keys(decisionProblems(input, ctx.catalogueIds)).length > 0) throw new DomainError('PANEL.INVALID', 'The decision is incomplete');
  const escalatedAt = escalatedAtOf(record);
  const decidedOn = londonDate(new Date(ctx.at));
  const agreed = input.outcome === 'agreed';
  const items = agreed ? input.package.map((i) => ({ serviceId: i.serviceId, action: i.action.trim(), lead: i.lead.trim() })) : [];
  const tally = tallyOf(record.panel.votes);
  return {
    at: ctx.at,
    byKey: ctx.byKey,
    outcome: input.outcome,
    package: items,
    schoolWords: input.schoolWords.trim(),
    measures: {
      escalatedAt,
      hoursToDecision: Math.max(0, Math.round((Date.parse(ctx.at) - Date.parse(escalatedAt)) / 360_000) / 10),
      workingDaysToDecision: Math.max(0, ctx.calendar.workingDaysBetween(londonDate(new Date(escalatedAt)), decidedOn)),
      withinSetTime: record.panelDue === null || decidedOn <= record.panelDue,
      outcome: input.outcome,
      services: items.map((i) => i.serviceId),
      votes: { support: tally.support, supportWithChanges: tally.supportWithChanges, doNotSupport: tally.doNotSupport },
    },
  };
}
