import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { restartBot, startBot, type RunningBot } from './bot-process';
import { describeOutput, type ChildExit } from './child-process';
import { launchChromium } from './browser';
import { startPlayground, type RunningPlayground } from './playground-process';
import { PlaygroundPage } from './playground-page';

/** The real bot, the Playground pointed at it, and headless Chromium: everything an end-to-end test needs. */
export interface E2eHarness {
  /** The bot now running (a new process after restartBot). */
  readonly bot: RunningBot;
  readonly playground: RunningPlayground;
  /** Opens a fresh Playground page (its chats start empty; the bot's store keeps its data). */
  openPage(): Promise<PlaygroundPage>;
  /** Ends the bot with one signal and starts it again on the same port and SQLite file; says how the old one ended. */
  restartBot(signal: NodeJS.Signals): Promise<ChildExit>;
  /** Bot and Playground output (with earlier runs of the bot), for failure messages. */
  diagnostics(): string;
  stop(): Promise<void>;
}

/** Starts bot, Playground and browser in a fresh temp dir; stops whatever started if a later step fails. */
export async function startE2eHarness(): Promise<E2eHarness> {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'frontdoor-e2e-'));
  let bot: RunningBot | undefined;
  let playground: RunningPlayground | undefined;
  let browser: Browser | undefined;
  const stop = async (): Promise<void> => {
    await browser?.close().catch(() => undefined);
    await playground?.child.stop();
    await bot?.child.stop();
    fs.rmSync(workDir, { recursive: true, force: true });
  };
  try {
    bot = await startBot(workDir);
    playground = await startPlayground(workDir, bot.messagesUrl);
    browser = await launchChromium();
  } catch (error) {
    await stop();
    throw error;
  }
  const started = { bot, playground, browser };
  const earlierBots: string[] = [];
  const diagnostics = (): string => [...earlierBots, describeOutput(started.bot.child), started.playground.describe()].join('\n');
  return {
    get bot() {
      return started.bot;
    },
    playground: started.playground,
    diagnostics,
    async restartBot(signal) {
      const old = started.bot;
      try {
        const restarted = await restartBot(old, workDir, signal);
        started.bot = restarted.bot;
        bot = restarted.bot;
        return restarted.ended;
      } finally {
        earlierBots.push(describeOutput(old.child).replace(/^--- bot/, `--- bot before the ${signal} restart`));
      }
    },
    async openPage() {
      const context = await started.browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = new PlaygroundPage(await context.newPage(), diagnostics);
      await page.open(started.playground.url);
      return page;
    },
    stop,
  };
}

/** Starts the harness before the describe block's tests and stops it after them; the getter gives the running one. */
export function useE2eHarness(): () => E2eHarness {
  let harness: E2eHarness | undefined;
  beforeAll(async () => {
    harness = await startE2eHarness();
  }, 180_000);
  afterAll(async () => {
    await harness?.stop();
  });
  return () => {
    if (!harness) throw new Error('the end-to-end harness did not start (see beforeAll)');
    return harness;
  };
}
