import { startBenchConnector } from './bench-connector';
import { startEchoBot } from './echo-bot';
import type { TurnPlan } from './http-driver';
import { comparisonLines, driveInterleaved, sliceRatioLine, errorLines, figuresFor, figuresTable, SENCO, startRealBot, type BenchSettings, type ScenarioReport } from './scenario-kit';

const WELCOME_TEXT = 'Welcome to the SEND Front Door, Priya';

const echoTurn: TurnPlan = {
  label: 'echo',
  kind: 'message',
  text: 'hello',
  check: (reply) => (reply.text === 'hello' ? undefined : 'the echo did not say "hello"'),
};

const welcomeTurn: TurnPlan = {
  label: 'welcome',
  kind: 'message',
  text: 'hello',
  check: (reply) => (JSON.stringify(reply.attachments ?? null).includes(WELCOME_TEXT) ? undefined : 'the reply was not the welcome card'),
};

/** A SENCO's "hello" answered with the welcome card (real bot, SQLite) vs the echo bot's echo. */
export async function runWelcomeBench(settings: BenchSettings): Promise<ScenarioReport> {
  const connector = await startBenchConnector();
  const echoBot = await startEchoBot();
  const realBot = await startRealBot();
  try {
    const common = { connector, person: SENCO };
    const [echoRun, realRun] = await driveInterleaved(settings, [
      { ...common, botUrl: echoBot.url, runId: 'welcome-echo', plan: () => echoTurn },
      { ...common, botUrl: realBot.url, runId: 'welcome-real', plan: () => welcomeTurn },
    ]);
    if (!echoRun || !realRun) throw new Error('a bot was not driven');
    const echo = figuresFor('echo bot: echo', echoRun, undefined, echoBot.errors());
    const real = figuresFor('real bot: welcome card', realRun, undefined, realBot.loggedErrors());
    return {
      name: 'welcome',
      errors: echo.errors + real.errors,
      lines: [
        `"hello" → reply at the connector; ${settings.conversations} conversations, ${settings.warmupSeconds} s warm-up + ${settings.seconds} s measured per bot in alternating slices; real bot on SQLite in a temp dir`,
        ...figuresTable([echo, real]),
        ...comparisonLines({ ...real, bot: 'real' }, { ...echo, bot: 'echo' }),
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
