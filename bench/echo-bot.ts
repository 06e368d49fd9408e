import { Application, TeamsAdapter, type TurnState } from '@microsoft/teams-ai';
import { MemoryStorage } from 'botbuilder';
import restify from 'restify';
import { readJsonBody } from '../src/http/read-json-body';

/** The verb the echo bot's one Action.Execute handler answers. */
export const ECHO_VERB = 'echo';

export interface RunningEchoBot {
  url: string;
  /** Turns whose handler threw (a baseline run with any is not a baseline). */
  errors(): number;
  shutdown(): Promise<void>;
}

/**
 * The baseline: a bare echo bot on the real server's stack (restify 11, the Teams AI
 * TeamsAdapter with no credentials, an Application with MemoryStorage turn state), reading the
 * JSON body with the real server's readJsonBody. It echoes messages and answers one verb with a
 * tiny card, on 127.0.0.1 at a free port.
 */
export async function startEchoBot(maxBodyBytes = 256 * 1024): Promise<RunningEchoBot> {
  const adapter = new TeamsAdapter({});
  const app = new Application<TurnState>({
    adapter,
    storage: new MemoryStorage(),
    removeRecipientMention: true,
    startTypingTimer: false,
    longRunningMessages: false,
  });
  let errors = 0;
  adapter.onTurnError = async () => {
    errors += 1;
  };

  app.activity('message', async (context) => {
    await context.sendActivity(context.activity.text ?? '');
  });
  app.adaptiveCards.actionExecute(ECHO_VERB, async (_context, _state, data: Record<string, unknown>) => ({
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: [{ type: 'TextBlock', text: `echo ${JSON.stringify(data)}`, wrap: true }],
  }));

  const server = restify.createServer({ name: 'bench-echo-bot', handleUncaughtExceptions: false });
  server.post('/api/messages', async (req, res) => {
    const read = await readJsonBody(req, maxBodyBytes);
    if (!read.ok) {
      res.status(read.status);
      res.json({ code: read.code, message: read.message });
      return;
    }
    (req as { body?: unknown }).body = read.body;
    await adapter.process(req, res, async (context) => {
      await app.run(context);
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  return {
    url: `http://127.0.0.1:${address.port}`,
    errors: () => errors,
    shutdown: () =>
      new Promise((resolve) => {
        server.server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
