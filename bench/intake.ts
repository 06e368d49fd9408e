import { nextStep, stepProgress } from '../src/domain/intake';
import { VERBS } from '../src/teams/verbs';
import { FORM_STEPS, VALID_STEP_INPUTS } from '../test/support/intake-answers';
import { startBenchConnector } from './bench-connector';
import { ECHO_VERB, startEchoBot } from './echo-bot';
import { checkInvokeCard, type BenchConversation, type TurnPlan } from './http-driver';
import { comparisonLines, driveInterleaved, sliceRatioLine, errorLines, figuresFor, figuresTable, SENCO, startRealBot, type BenchSettings, type ScenarioReport } from './scenario-kit';

/**
 * One Action.Execute press in the request journey. Like Teams, the bench sends the data of the
 * button with this verb on the card the previous turn returned, merged with `inputs` (the
 * answers typed into the card); with no such button, just the inputs.
 */
export interface IntakeStep {
  label: string;
  verb: string;
  inputs(conversation: BenchConversation, journey: number): Record<string, unknown>;
  /** A problem with the card that came back, or undefined (default: any Adaptive Card). */
  check?(body: unknown): string | undefined;
}

/** The label of the turn the targets are about. */
export const SUBMIT_LABEL = 'submit';

/** Throughput at least 0.5× the echo bot's, p99 at most 2× its p99 (from the issue). */
export const INTAKE_TARGETS = { minThroughputRatio: 0.5, maxP99Ratio: 2 } as const;

/** A check that the card that came back shows this text (a refusal or a problem card would not). */
function cardShows(text: string): (body: unknown) => string | undefined {
  return (body) => checkInvokeCard(body) ?? (JSON.stringify(body).includes(text) ? undefined : `the card did not show "${text}"`);
}

/**
 * A SENCO's whole request, as src/teams/routes/intake-routes.ts takes it: "new request"
 * (intakeStart), Next on each of the six steps with valid answers (test/support/intake-answers.ts),
 * then Send (intakeSubmit) from the review card, which creates the case.
 */
export const INTAKE_JOURNEY: readonly IntakeStep[] = [
  { label: 'start', verb: VERBS.intakeStart, inputs: () => ({ channel: 'teams' }), check: cardShows(stepProgress('requester')) },
  ...FORM_STEPS.map(
    (step): IntakeStep => ({
      label: `next: ${step}`,
      verb: VERBS.intakeNext,
      inputs: () => ({ ...VALID_STEP_INPUTS[step] }),
      check: cardShows(stepProgress(nextStep(step) ?? 'review')),
    }),
  ),
  { label: SUBMIT_LABEL, verb: VERBS.intakeSubmit, inputs: () => ({}), check: cardShows('Request sent') },
];

/** The Action.Execute data of the button with this verb on an invoke answer's card, if any. */
export function buttonData(answer: unknown, verb: string): Record<string, unknown> | undefined {
  let found: Record<string, unknown> | undefined;
  const walk = (node: unknown): void => {
    if (found || !node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(walk);
    const { type, verb: v, data } = node as { type?: unknown; verb?: unknown; data?: unknown };
    if (type === 'Action.Execute' && v === verb) {
      found = data && typeof data === 'object' ? (data as Record<string, unknown>) : {};
      return;
    }
    Object.values(node).forEach(walk);
  };
  walk((answer as { value?: unknown } | null)?.value);
  return found;
}

/** Plans each conversation's turns as journeys, one after another; a failed turn restarts the journey. */
export function journeyPlanner(journey: readonly IntakeStep[]): (conversation: BenchConversation, turn: number, previous: unknown) => TurnPlan {
  const position = new Map<number, { journey: number; step: number }>();
  return (conversation, _turn, previous) => {
    const at = position.get(conversation.index) ?? { journey: 0, step: 0 };
    if (previous === undefined && at.step !== 0) at.step = 0;
    const step = journey[at.step];
    if (!step) throw new Error('the intake journey has no steps');
    const data = { ...(buttonData(previous, step.verb) ?? {}), ...step.inputs(conversation, at.journey) };
    const next = at.step + 1 >= journey.length ? { journey: at.journey + 1, step: 0 } : { journey: at.journey, step: at.step + 1 };
    position.set(conversation.index, next);
    return { label: step.label, kind: 'invoke', verb: step.verb, data, check: step.check ?? checkInvokeCard };
  };
}

/**
 * A SENCO's whole request at N concurrent conversations on the real bot (SQLite), vs the echo
 * bot's Action.Execute. Compares the journey's invoke turns/s with the echo's, and the submit
 * turn's p50/p99 with the echo's.
 */
export async function runIntakeBench(settings: BenchSettings, journey: readonly IntakeStep[] = INTAKE_JOURNEY): Promise<ScenarioReport> {
  const connector = await startBenchConnector();
  const echoBot = await startEchoBot();
  const realBot = await startRealBot();
  try {
    const echoPlan = (c: BenchConversation, turn: number): TurnPlan => ({ label: 'echo', kind: 'invoke', verb: ECHO_VERB, data: { conversation: c.index, turn } });
    const common = { connector, person: SENCO };
    const [echoRun, realRun] = await driveInterleaved(settings, [
      { ...common, botUrl: echoBot.url, runId: 'intake-echo', plan: echoPlan },
      { ...common, botUrl: realBot.url, runId: 'intake-real', plan: journeyPlanner(journey) },
    ]);
    if (!echoRun || !realRun) throw new Error('a bot was not driven');
    const echo = figuresFor('echo bot: invoke', echoRun, undefined, echoBot.errors());
    const allTurns = figuresFor('real bot: every journey turn', realRun, undefined, realBot.loggedErrors());
    const submit = figuresFor(`real bot: ${SUBMIT_LABEL}`, realRun, SUBMIT_LABEL);
    const steps = [...new Set(journey.map((s) => s.label))].filter((l) => l !== SUBMIT_LABEL).map((l) => figuresFor(`  step: ${l}`, realRun, l));
    return {
      name: 'intake',
      errors: echo.errors + allTurns.errors,
      lines: [
        `a SENCO's whole request (${journey.length} Action.Execute turns) on repeat; ${settings.conversations} conversations, ${settings.warmupSeconds} s warm-up + ${settings.seconds} s measured per bot in alternating slices; latency = HTTP round trip of the invoke`,
        ...figuresTable([echo, allTurns, submit, ...steps]),
        `throughput compares every journey turn (each one Action.Execute, like the echo's); p50/p99 compare the submit turn`,
        ...comparisonLines({ ...submit, turnsPerSecond: allTurns.turnsPerSecond, bot: 'real' }, { ...echo, bot: 'echo' }, INTAKE_TARGETS),
        sliceRatioLine(realRun, echoRun),
        ...errorLines('echo', echoRun.result, echoBot.errors()),
        ...errorLines('real', realRun.result, realBot.loggedErrors()),
      ],
    };
  } finally {
    await Promise.allSettled([echoBot.shutdown(), realBot.shutdown()]);
    await connector.close();
  }
}
