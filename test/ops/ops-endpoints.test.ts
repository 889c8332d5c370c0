import { once } from 'node:events';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { type RunningApp, startApp } from '../../src/app/start-app';
import { loadConfig } from '../../src/config/load-config';
import { infoReply } from '../../src/conversation/reply';
import { createLogger } from '../../src/logging/logger';
import { ManualClock } from '../../src/time/clock';
import { DiscordEmulator } from '../emulators/discord';
import { LogCapture, registerCommands } from '../adapters/discord/discord-harness';
import { startSlackEmulator } from '../emulators/slack';

const START = new Date('2026-11-26T10:00:00Z');
/** 09:01 in Berlin the next day: the first check-in of a treatment "today" is due. */
const DAY_1 = new Date('2026-11-27T08:01:00Z');

async function get(port: number | undefined, route: string): Promise<{ status: number; text: string; json: () => Record<string, unknown> }> {
  if (port === undefined) throw new Error('no ops port');
  const res = await fetch(`http://127.0.0.1:${port}${route}`);
  const text = await res.text();
  return { status: res.status, text, json: () => JSON.parse(text) };
}

/** The value of one sample line of the Prometheus text, 0 when absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split('\n')) {
    const m = /^([a-z_]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const have = (m[2] ?? '').split(',');
    if (wanted.every((w) => have.includes(w))) return Number(m[3]);
  }
  return 0;
}

describe('health, readiness and metrics over HTTP', () => {
  let dir: string;
  let app: RunningApp | undefined;
  let clock: ManualClock;
  beforeEach(() => {
    clock = new ManualClock(START);
    dir = mkdtempSync(path.join(tmpdir(), 'aftercare-ops-'));
  });
  afterEach(async () => {
    await app?.stop();
    app = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  const start = (env: Record<string, string>, extra: { portSet?: boolean; logs?: LogCapture } = {}) =>
    startApp({
      // PORT=0: a free port.
      config: { ...loadConfig({ DATABASE_PATH: path.join(dir, 'bot.db'), ...env }), PORT: 0 },
      logger: createLogger('debug', extra.logs ?? new LogCapture()),
      clock,
      input: new PassThrough(),
      output: new PassThrough(),
      interactive: false,
      portSet: extra.portSet,
    });

  describe('with Discord (emulated)', () => {
    let emu: DiscordEmulator;
    beforeEach(async () => {
      emu = await DiscordEmulator.start();
      registerCommands(emu);
    });
    afterEach(async () => {
      await app?.stop();
      app = undefined;
      await emu.stop();
    });

    it('answers /healthz and /readyz (connected, store writable, pack version), and /metrics moves with a question and a check-in', async () => {
      app = await start({ DISCORD_TOKEN: emu.token, DISCORD_API_URL: emu.apiUrl });
      const port = app.opsPort();
      expect((await get(port, '/healthz')).status).toBe(200);
      const ready = await get(port, '/readyz');
      expect(ready.status).toBe(200);
      expect(ready.json()).toMatchObject({
        status: 'ready',
        platforms: { discord: 'connected' },
        store: 'writable',
        knowledgeVersion: app.knowledge.knowledge.version,
        reasons: [],
      });

      const before = (await get(port, '/metrics')).text;
      expect(before).toContain('# TYPE aftercare_replies_total counter');
      expect(sample(before, 'aftercare_replies_total', { platform: 'discord', kind: 'answer' })).toBe(0);

      const alice = emu.createMember({ username: 'alice' });
      await emu.waitForReplyTo(emu.mentionBot(alice, 'does microneedling hurt?'));
      await emu.waitForInteractionCallback(emu.slash(alice, 'checkins', { date: 'today', hour: '9', timezone: 'Europe/Berlin' }, { subcommand: 'start' }));
      clock.set(DAY_1);
      expect(await app.scheduler.tick()).toMatchObject({ sent: 1 });

      const after = (await get(port, '/metrics')).text;
      expect(sample(after, 'aftercare_replies_total', { platform: 'discord', kind: 'answer' })).toBe(1);
      expect(sample(after, 'aftercare_replies_total', { platform: 'discord', kind: 'info' })).toBe(1);
      expect(sample(after, 'aftercare_reply_seconds_count', { platform: 'discord' })).toBe(2);
      expect(sample(after, 'aftercare_checkins_total', { outcome: 'sent' })).toBe(1);
      expect(sample(after, 'aftercare_scheduler_tick_seconds_count')).toBe(1);
      expect(sample(after, 'aftercare_process_resident_memory_bytes')).toBeGreaterThan(0);
    });

    it('counts failed platform calls and 429s waited out', async () => {
      app = await start({ DISCORD_TOKEN: emu.token, DISCORD_API_URL: emu.apiUrl });
      const alice = emu.createMember({ username: 'alice' });
      emu.rateLimitNext({ method: 'POST', path: /^\/channels\/\d+\/messages$/ }, 0.05);
      await emu.waitForReplyTo(emu.mentionBot(alice, 'does microneedling hurt?'));
      await expect(app.adapters.get('discord')!.send('404404404404404404', infoReply('hello'))).rejects.toMatchObject({ code: 'not-found' });
      const text = (await get(app.opsPort(), '/metrics')).text;
      expect(sample(text, 'aftercare_platform_rate_limits_total', { platform: 'discord' })).toBe(1);
      expect(sample(text, 'aftercare_platform_errors_total', { platform: 'discord' })).toBe(1);
    });

    it('says 503 and why when the gateway is down, and when the store is', async () => {
      const logs = new LogCapture();
      app = await start({ DISCORD_TOKEN: emu.token, DISCORD_API_URL: emu.apiUrl }, { logs });
      const port = app.opsPort();
      // The gateway goes away: discord.js keeps trying, and readiness says so until it is back.
      const lost = logs.waitFor('discord gateway connection lost; reconnecting');
      const endOutage = emu.gatewayOutage();
      await lost;
      const down = await get(port, '/readyz');
      expect(down.status).toBe(503);
      expect(down.json()).toMatchObject({ status: 'not ready', store: 'writable' });
      expect((down.json().reasons as string[]).join()).toMatch(/^discord: gateway /);
      expect((await get(port, '/healthz')).status).toBe(200);
      const back = logs.waitFor('discord gateway connected again');
      endOutage();
      await back;
      expect((await get(port, '/readyz')).status).toBe(200);

      await app.store.close();
      const noStore = await get(port, '/readyz');
      expect(noStore.status).toBe(503);
      expect((noStore.json().reasons as string[]).some((r) => /^store: .*not open/.test(r))).toBe(true);
      expect(sample((await get(port, '/metrics')).text, 'aftercare_store_errors_total', { operation: 'readiness-probe' })).toBe(1);
    });
  });

  it('a PORT already in use stops the start with a StartupError naming PORT, and what had started is stopped again', async () => {
    const emu = await DiscordEmulator.start();
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, resolve));
    const port = (taken.address() as AddressInfo).port;
    try {
      const gatewayClosed = once(emu.gateway, 'close');
      const starting = startApp({
        config: { ...loadConfig({ DATABASE_PATH: path.join(dir, 'bot.db'), DISCORD_TOKEN: emu.token, DISCORD_API_URL: emu.apiUrl }), PORT: port },
        logger: createLogger('debug', new LogCapture()),
        clock,
        input: new PassThrough(),
        output: new PassThrough(),
        interactive: false,
      });
      await expect(starting).rejects.toMatchObject({
        name: 'StartupError',
        setting: 'PORT',
        message: `health and metrics endpoint: check PORT: port ${port} is already in use (another process listens there; stop it or set PORT to a free port)`,
      });
      // Discord had connected meanwhile: its gateway session is closed, not left behind a bot that exits.
      await gatewayClosed;
      expect(emu.gateway.liveSessions()).toEqual([]);
      // The database was closed too: SQLite removes the WAL when the last connection closes cleanly.
      expect(existsSync(path.join(dir, 'bot.db-wal'))).toBe(false);
    } finally {
      taken.close();
      await emu.stop();
    }
  });

  it('shares the Slack HTTP port: /slack/events and the ops routes on one listener', async () => {
    const emu = await startSlackEmulator();
    try {
      app = await start({ SLACK_BOT_TOKEN: emu.botToken, SLACK_SIGNING_SECRET: emu.signingSecret, SLACK_API_URL: emu.apiUrl });
      const slackPort = (app.adapters.get('slack') as unknown as { port: number }).port;
      expect(app.opsPort()).toBe(slackPort);
      const ready = await get(slackPort, '/readyz');
      expect(ready.status).toBe(200);
      expect(ready.json()).toMatchObject({ platforms: { slack: 'connected' } });
      expect((await get(slackPort, '/metrics')).text).toContain('aftercare_replies_total');
    } finally {
      await app?.stop();
      app = undefined;
      await emu.close();
    }
  });

  it('the terminal chat alone opens no port unless PORT is set', async () => {
    app = await start({});
    expect(app.opsPort()).toBeUndefined();
    await app.stop();
    app = await start({}, { portSet: true });
    const ready = await get(app.opsPort(), '/readyz');
    expect(ready.status).toBe(200);
    expect(ready.json()).toMatchObject({ platforms: { shell: 'connected' } });
    expect((await get(app.opsPort(), '/nope')).status).toBe(404);
  });
});
