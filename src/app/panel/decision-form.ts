import { z } from 'zod';
import { PANEL_OUTCOMES, type DecisionInput } from '../../domain/panel';

/** How many package lines the chair's form offers (one service each). */
export const PACKAGE_ROWS = 4;
const TEXT_MAX = 4000;

export const DECISION_FIELDS = ['outcome', 'schoolWords', ...Array.from({ length: PACKAGE_ROWS }, (_, i) => [`service${i + 1}`, `action${i + 1}`, `lead${i + 1}`]).flat()];

const text = (value: unknown): string => (typeof value === 'string' ? value.slice(0, TEXT_MAX) : '');

/** What the chair typed, kept to show again beside any problem. */
export function keptDecision(inputs: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(DECISION_FIELDS.map((f) => [f, text(inputs[f])]));
}

/**
 * The decision form read as a decision: the outcome, the package lines that have anything in them
 * (a line with a service but no action is kept, so it is named as a problem), and the school's words.
 * Undefined outcome: none chosen.
 */
export function readDecisionForm(inputs: Record<string, unknown>): { outcome: DecisionInput['outcome'] | undefined; input: Omit<DecisionInput, 'outcome'> } {
  const outcome = z.enum(PANEL_OUTCOMES).safeParse(inputs.outcome);
  const rows = Array.from({ length: PACKAGE_ROWS }, (_, i) => ({
    serviceId: text(inputs[`service${i + 1}`]).trim(),
    action: text(inputs[`action${i + 1}`]).trim(),
    lead: text(inputs[`lead${i + 1}`]).trim(),
  })).filter((r) => r.serviceId !== '' || r.action !== '' || r.lead !== '');
  return { outcome: outcome.success ? outcome.data : undefined, input: { package: rows, schoolWords: text(inputs.schoolWords) } };
}
