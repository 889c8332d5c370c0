import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
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
});
