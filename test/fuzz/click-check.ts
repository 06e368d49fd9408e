import type { Activity } from 'botbuilder';
import type { BotHarness } from '../support/bot-harness';
import { STACK_TRACE, type CardClick } from './card-data';
import { changesBetween, snapshotWorld, type WorldChange } from './world-snapshot';

/** What one click did: problems with the answer, and what changed in the store. */
export interface ClickResult {
  problems: string[];
  changes: WorldChange[];
  /** The error code of an unexpected failure, when the bot logged one. */
  failureCodes: string[];
}

/** Sends the click and checks the answer a user would get: a card, in an HTTP 200 invoke response, with no error details. */
export async function sendClick(bot: BotHarness, click: CardClick): Promise<ClickResult> {
  const before = await snapshotWorld(bot.store);
  const logged = bot.logger.lines.length;
  const replies = await bot.executeRaw(click.who, click.verb, click.data, click.place);
  const problems = answerProblems(replies);
  const failures = bot.logger.lines.slice(logged).filter((l) => l.event === 'turn.failed');
  for (const failure of failures) problems.push(`turn.failed ${JSON.stringify({ ...failure.fields, frames: undefined })}`);
  const changes = changesBetween(before, await snapshotWorld(bot.store));
  return { problems, changes, failureCodes: failures.map((f) => String(f.fields?.errorCode ?? f.fields?.errorName ?? 'unknown')) };
}

function answerProblems(replies: Partial<Activity>[]): string[] {
  const problems: string[] = [];
  const responses = replies.filter((r) => r.type === 'invokeResponse');
  if (responses.length !== 1) problems.push(`${responses.length} invoke responses`);
  const value = responses[0]?.value as { status?: unknown; body?: { statusCode?: unknown; type?: unknown; value?: { type?: unknown } } } | undefined;
  if (value?.status !== 200) problems.push(`HTTP status ${String(value?.status)}`);
  if (value?.body?.type !== 'application/vnd.microsoft.card.adaptive' || value.body.value?.type !== 'AdaptiveCard') problems.push('no Adaptive Card in the invoke response');
  const text = JSON.stringify(replies);
  const leaked = STACK_TRACE.exec(text);
  if (leaked) problems.push(`error details in a reply: ...${text.slice(Math.max(0, leaked.index - 80), leaked.index + 80)}...`);
  return problems;
}
