import { execFileSync } from 'node:child_process';
import { mkdtempSync, openSync, closeSync, readSync, writeSync, renameSync, copyFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { startApp } from '../../src/app/start-app';
import { loadConfig } from '../../src/config/load-config';
import { silentLogger } from '../../src/logging/logger';
import { createStore } from '../../src/store/store';
import { ManualClock } from '../../src/time/clock';
import { runTs } from '../support/run-process';
import { KNOWLEDGE_DIR } from '../support/test-core';

/** Issue 11 #8: a database that cannot be used stops the bot with a message naming DATABASE_PATH, never a stack. */
describe('database faults', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'aftercare-dbfault-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function startWith(databasePath: string) {
    const result = await runTs('src/main.ts', [], { input: 'does it hurt?\n', env: { DATABASE_PATH: databasePath } });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('aftercare-bot cannot start.\ncheck DATABASE_PATH:');
    expect(result.stderr).not.toMatch(/^\s+at /m);
    return result.stderr;
  }

  it('names a corrupt file (damaged pages found by quick_check)', async () => {
    const file = path.join(dir, 'bot.db');
    const store = createStore(file);
    for (let i = 0; i < 400; i++) await store.questions.record({ askedAt: new Date(), outcome: 'declined', faqId: null, question: `question ${i} ${'x'.repeat(200)}`, askerKey: `k${i}` });
    await store.close();
    // Scribble over the middle of the file, leaving the header intact.
    const fd = openSync(file, 'r+');
    const header = Buffer.alloc(100);
    readSync(fd, header, 0, 100, 0);
    writeSync(fd, Buffer.alloc(8192, 0xa5), 0, 8192, 3 * 4096);
    closeSync(fd);
    expect(await startWith(file)).toMatch(/corrupt/);
  });

  it('names a file that is not a database', async () => {
    const file = path.join(dir, 'notes.db');
    writeFileSync(file, 'these are not the pages you are looking for'.repeat(200));
    expect(await startWith(file)).toMatch(/not a database or is corrupt/);
  });

  it('names a path that cannot be created (its folder is a file)', async () => {
    writeFileSync(path.join(dir, 'plain-file'), 'x');
    expect(await startWith(path.join(dir, 'plain-file', 'bot.db'))).toMatch(/cannot create .*plain-file/);
  });

  it('refuses paths under /proc and special files instead of hanging', async () => {
    expect(await startWith('/proc/self/aftercare.db')).toMatch(/kernel filesystem/);
    const fifo = path.join(dir, 'pipe.db');
    execFileSync('mkfifo', [fifo]);
    expect(await startWith(fifo)).toMatch(/not a regular file/);
  });

  const asRoot = process.getuid?.() === 0 ? it : it.skip;
  if (process.getuid?.() !== 0) process.stderr.write('database-faults.test.ts: the read-only case needs root (a read-only tmpfs); skipped\n');
  asRoot('names a read-only file (on a read-only filesystem)', async () => {
    const mount = path.join(dir, 'ro');
    execFileSync('mkdir', [mount]);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', mount]);
    try {
      createStore(path.join(mount, 'bot.db')).close();
      execFileSync('mount', ['-o', 'remount,ro', mount]);
      expect(await startWith(path.join(mount, 'bot.db'))).toMatch(/read-only/);
    } finally {
      execFileSync('umount', [mount]);
    }
  });

  describe('at run time', () => {
    async function running(file: string) {
      const config = loadConfig({ DATABASE_PATH: file, KNOWLEDGE_DIR, LOG_LEVEL: 'silent' });
      let fatal!: (error: Error) => void;
      const failed = new Promise<Error>((resolve) => {
        fatal = resolve;
      });
      const app = await startApp({
        config,
        logger: silentLogger(),
        clock: new ManualClock(new Date('2026-11-26T10:00:00Z')),
        input: new PassThrough(),
        output: new PassThrough(),
        interactive: false,
        onFatal: fatal,
        fileCheckMs: 20,
      });
      return { app, failed };
    }

    it('fails loudly when the database file is deleted', async () => {
      const file = path.join(dir, 'bot.db');
      const { app, failed } = await running(file);
      unlinkSync(file);
      expect((await failed).message).toMatch(/DATABASE_PATH: .*bot\.db was deleted/);
      await app.stop();
    });

    it('fails loudly when the database file is replaced (a restore copied over it)', async () => {
      const file = path.join(dir, 'bot.db');
      const { app, failed } = await running(file);
      copyFileSync(file, `${file}.copy`);
      renameSync(`${file}.copy`, file);
      expect((await failed).message).toMatch(/DATABASE_PATH: .*replaced/);
      await app.stop();
    });
  });
});
