/**
 * The emulator as a process, for checking `npm start` from outside:
 *
 *   npx tsx test/emulators/slack/run-slack-emulator.ts --port 4010 \
 *     --ask "do I need sunscreen after microneedling?" --bot-url http://127.0.0.1:3000/slack/events
 *
 * then start the bot with the settings it prints. With --ask it waits for the bot's auth.test, sends a
 * signed app_mention, prints the threaded answer and exits 0 (1 if none came).
 */
import { parseArgs } from 'node:util';
import { SignedClient } from './signed-client';
import { httpTransport, SlackDriver } from './slack-driver';
import { SlackEmulator } from './slack-emulator';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      ask: { type: 'string' },
      'bot-url': { type: 'string', default: 'http://127.0.0.1:3000/slack/events' },
      'timeout-ms': { type: 'string', default: '30000' },
    },
  });
  const running = await new SlackEmulator().listen(Number(values.port));
  process.stdout.write(
    `Slack emulator listening. Start the bot with:\n` +
      `  SLACK_API_URL=${running.apiUrl} SLACK_BOT_TOKEN=${running.botToken} SLACK_SIGNING_SECRET=${running.signingSecret}\n`,
  );
  const stop = async (code: number) => {
    await running.close();
    return code;
  };
  process.once('SIGINT', () => void stop(0).then((c) => process.exit(c)));
  if (!values.ask) return new Promise<number>(() => {});

  const timeoutMs = Number(values['timeout-ms']);
  await running.waitForCall('auth.test', undefined, { timeoutMs });
  const driver = new SlackDriver(running, httpTransport(new SignedClient(values['bot-url']!, running.signingSecret)));
  // auth.test comes just before the bot listens: retry the first delivery while the port is still closed
  // (a command-line tool polling a process it does not control; tests never do this).
  let asked: Awaited<ReturnType<SlackDriver['mention']>> | undefined;
  for (let attempt = 0; !asked; attempt++) {
    try {
      asked = await driver.mention({ text: values.ask });
    } catch (error) {
      if (attempt >= 50) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  process.stdout.write(`sent app_mention ts=${asked.ts} (HTTP ${asked.delivery.status})\n`);
  try {
    const answer = await running.waitForCall('chat.postMessage', (c) => c.params.thread_ts === asked.ts, { timeoutMs });
    process.stdout.write(`chat.postMessage in thread ${asked.ts}:\n${String(answer.params.text)}\n`);
    return stop(0);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    return stop(1);
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${String((error as Error)?.stack ?? error)}\n`);
    process.exit(1);
  },
);
