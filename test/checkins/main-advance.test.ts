import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadKnowledge } from '../../src/knowledge/load-knowledge';
import { runTs } from '../support/run-process';
import { KNOWLEDGE_DIR } from '../support/test-core';

describe('npm start: check-ins in the terminal with /advance', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'aftercare-main-checkins-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('starts the scheduler, and /advance delivers the next check-in right away', async () => {
    // Subscribe for the current UTC hour today, with no quiet hours: after /advance 1d the day-1 check-in is due.
    const now = new Date();
    const today = now.toISOString().slice(0, 10);
    const hour = now.getUTCHours();
    const { code, stdout } = await runTs('src/main.ts', [], {
      input: `checkins start ${today} ${hour}:00 UTC\n/advance 1d\n`,
      env: { DATABASE_PATH: path.join(dir, 'bot.db'), QUIET_HOURS: '00:00-00:00' },
    });
    expect(code).toBe(0);
    expect(stdout).toMatch(/Check-ins are on\./);
    const first = loadKnowledge(KNOWLEDGE_DIR).checkins[0]!;
    expect(stdout).toContain(first.message);
    expect(stdout).toMatch(/\[clock moved on 1d: .* 1 check-in due \(shown above\)\.\]/);
  });
});
