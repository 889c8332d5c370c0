import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SlackDriver, socketTransport, startSlackEmulator, type SlackEmulator } from '../emulators/slack';
import { spawnBot } from '../support/spawn-bot';

/** Issue 11 #7: SIGTERM reaches the bot, which drains within the grace period, closes the database and exits 0. */
describe('shutdown of the running process', () => {
  let dir: string;
  let emu: SlackEmulator;
  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'aftercare-shutdown-'));
    emu = await startSlackEmulator();
  });
  afterEach(async () => {
    await emu.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('turns new messages away and exits 0 within the grace period although a reply is stuck behind a 100 s Retry-After', async () => {
    const db = path.join(dir, 'bot.db');
    const bot = spawnBot({
      SLACK_BOT_TOKEN: emu.botToken,
      SLACK_APP_TOKEN: emu.appToken,
      SLACK_API_URL: emu.apiUrl,
      DATABASE_PATH: db,
      SHUTDOWN_GRACE_SECONDS: '3',
      // The health and metrics server listens whenever a platform runs: any free port.
      PORT: '0',
    });
    try {
      await bot.waitForStderr(/aftercare-bot started/);
      await emu.socket.connected();
      emu.failNext('chat.postMessage', { kind: 'rate-limit', retryAfterSeconds: 100 });
      const driver = new SlackDriver(emu, socketTransport(emu));
      await driver.mention({ text: '<@U0BOT> does it hurt?' });
      // The reply is in flight: Slack answered 429 and the client now waits 100 s before retrying.
      await emu.waitForCall('chat.postMessage', undefined, { includeFailed: true });
      const signalled = Date.now();
      bot.child.kill('SIGTERM');
      // Intake has stopped: a command arriving during the grace period is told to come back, not answered. (A
      // slash command: its answer goes to the response_url, which the Web API client's 429 pause does not hold.)
      await bot.waitForStderr(/shutting down/);
      const { responseId } = await driver.slash({ text: 'topics' });
      const told = await emu.waitForResponse(responseId);
      expect(JSON.stringify(told.params)).toContain('I am restarting');
      expect(await bot.exited).toBe(0);
      // 3 s of grace plus stopping the Slack client, far below the 100 s the reply would wait.
      expect(Date.now() - signalled).toBeLessThan(10_000);
      expect(bot.stderr()).toMatch(/grace period over/);
      // The database was closed: SQLite removes the WAL when the last connection closes cleanly.
      expect(existsSync(`${db}-wal`)).toBe(false);
    } finally {
      bot.child.kill('SIGKILL');
    }
  }, 30_000);
});
