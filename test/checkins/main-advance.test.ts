import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ADVANCE_DEMO_ONLY } from '../../adapters/shell/advance-command';
import { loadKnowledge } from '../../src/knowledge/load-knowledge';
import { runTs } from '../support/run-process';
import { sqlRow } from '../support/sql-rows';
import { KNOWLEDGE_DIR } from '../support/test-core';

describe('the terminal demo (npm run demo): check-ins with /advance', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'aftercare-main-checkins-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  // Subscribe for the current UTC hour today, with no quiet hours: after /advance 1d the day-1 check-in is due.
  const subscribeNow = () => {
    const now = new Date();
    return `checkins start ${now.toISOString().slice(0, 10)} ${now.getUTCHours()}:00 UTC\n`;
  };

  it('starts the scheduler, /advance delivers the next check-in right away, and the real database is never touched', async () => {
    const real = path.join(dir, 'real', 'bot.db');
    const { code, stdout, stderr } = await runTs('src/main.ts', ['--demo'], {
      input: `${subscribeNow()}/advance 1d\n`,
      env: { DATABASE_PATH: real, QUIET_HOURS: '00:00-00:00' },
    });
    expect(code).toBe(0);
    const demoDb = /throwaway database \((.+), removed at exit\)/.exec(stderr)?.[1];
    expect(demoDb).toBeDefined();
    expect(stdout).toMatch(/Check-ins are on\./);
    const first = loadKnowledge(KNOWLEDGE_DIR).checkins[0]!;
    expect(stdout).toContain(first.message);
    expect(stdout).toMatch(/\[clock moved on 1d: .* 1 check-in sent \(shown above\)\.\]/);
    expect(existsSync(path.dirname(real))).toBe(false);
    expect(existsSync(path.dirname(demoDb!))).toBe(false);
  });

  it('outside the demo /advance moves nothing and says where it lives; the chat uses the real database', async () => {
    const real = path.join(dir, 'chat', 'bot.db');
    const { code, stdout } = await runTs('src/main.ts', [], {
      input: `${subscribeNow()}/advance 1d\n`,
      env: { DATABASE_PATH: real, QUIET_HOURS: '00:00-00:00' },
    });
    expect(code).toBe(0);
    expect(stdout).toContain(ADVANCE_DEMO_ONLY);
    expect(stdout).not.toMatch(/clock moved/);
    expect(sqlRow(real, `SELECT COUNT(*) AS n FROM scheduled_checkins WHERE status = 'sent'`)).toEqual({ n: 0 });
    expect(sqlRow(real, `SELECT COUNT(*) AS n FROM checkin_subscriptions`)).toEqual({ n: 1 });
  });

  it('--help prints the usage; an unknown option is refused', async () => {
    const help = await runTs('src/main.ts', ['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: node dist\/src\/main\.js \[--demo\]/);
    const bad = await runTs('src/main.ts', ['--demoo']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^unknown option --demoo\n/);
  });
});
