import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startSlackEmulator } from './emulators/slack';
import { runTs } from './support/run-process';

describe('npm start (src/main.ts as a process)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'aftercare-main-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('answers piped questions in the terminal chat and exits 0 at end of input', async () => {
    const db = path.join(dir, 'data', 'bot.db');
    const { code, stdout } = await runTs('src/main.ts', [], { input: 'does it hurt?\n', env: { DATABASE_PATH: db } });
    expect(code).toBe(0);
    expect(stdout).toMatch(/numb/i);
    expect(stdout).toMatch(/Sources:/);
  });

  it('refuses to start on a bad setting, naming it', async () => {
    const { code, stderr } = await runTs('src/main.ts', [], { env: { DEFAULT_TIMEZONE: 'Nowhere/Land' } });
    expect(code).toBe(1);
    expect(stderr).toMatch(/DEFAULT_TIMEZONE/);
  });

  it('refuses to start on a broken knowledge pack, naming the file', async () => {
    const { code, stderr } = await runTs('src/main.ts', [], {
      env: { KNOWLEDGE_DIR: path.join(dir, 'nope'), DATABASE_PATH: path.join(dir, 'x.db') },
    });
    expect(code).toBe(1);
    expect(stderr).toMatch(/Knowledge file .*faq\.yaml/);
  });

  it('names the setting and the platform\'s reason when an adapter cannot start, without a stack, and exits 1', async () => {
    const emu = await startSlackEmulator();
    try {
      const { code, stderr } = await runTs('src/main.ts', [], {
        env: {
          SLACK_BOT_TOKEN: 'xoxb-refused',
          SLACK_SIGNING_SECRET: 'secret',
          SLACK_API_URL: emu.apiUrl,
          TERMINAL_CHAT: 'true',
          DATABASE_PATH: path.join(dir, 'startup.db'),
          LOG_LEVEL: 'info',
        },
      });
      expect(code).toBe(1);
      expect(stderr).toContain('aftercare-bot cannot start.\nslack: check SLACK_BOT_TOKEN: Slack refused SLACK_BOT_TOKEN (auth.test: invalid_auth)');
      expect(stderr).not.toMatch(/^\s+at /m);
      expect(stderr).not.toContain('xoxb-refused');
    } finally {
      await emu.close();
    }
  });

  it('a PORT in use is a start-up error too: the setting and the reason, no stack, exit 1', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, resolve));
    const port = (taken.address() as AddressInfo).port;
    try {
      const { code, stderr } = await runTs('src/main.ts', [], {
        input: 'does it hurt?\n',
        env: { PORT: String(port), DATABASE_PATH: path.join(dir, 'port.db'), LOG_LEVEL: 'info' },
      });
      expect(code).toBe(1);
      expect(stderr).toContain(`aftercare-bot cannot start.\nhealth and metrics endpoint: check PORT: port ${port} is already in use`);
      expect(stderr).not.toMatch(/^\s+at /m);
    } finally {
      taken.close();
    }
  });
});
