import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS } from '../../src/store/migrations';
import { createStore } from '../../src/store/store';
import { ROOT, runTs } from '../support/run-process';

const TABLES = ['meta', 'question_events', 'checkin_subscriptions', 'scheduled_checkins', 'checkin_responses', 'unreachable_users', 'faq_pins'];

function counts(file: string): Record<string, number> {
  const db = new Database(file, { readonly: true });
  try {
    return Object.fromEntries(TABLES.map((t) => [t, (db.prepare(`SELECT COUNT(*) AS n FROM ${t}`).get() as { n: number }).n]));
  } finally {
    db.close();
  }
}

/** The bot in the terminal chat, asking itself the next question as each answer arrives: a steady writer. */
function busyBot(env: Record<string, string>) {
  const child = spawn(path.join(ROOT, 'node_modules', '.bin', 'tsx'), [path.join(ROOT, 'src/main.ts')], {
    cwd: ROOT,
    // One asker writing steadily: lift the per-person daily cap on question records (issue 11) so every answer is a row.
    env: {
      ...process.env,
      LOG_LEVEL: 'silent',
      DISCORD_TOKEN: '',
      SLACK_BOT_TOKEN: '',
      SLACK_SIGNING_SECRET: '',
      SLACK_APP_TOKEN: '',
      QUESTION_RECORDS_PER_USER_PER_DAY: '100000',
      ...env,
    },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let answers = 0;
  const waiters: Array<{ n: number; resolve: () => void }> = [];
  child.stdout.on('data', (chunk: Buffer) => {
    const done = chunk.toString().split('not medical advice').length - 1;
    if (done === 0) return;
    answers += done;
    for (const w of waiters.filter((w) => answers >= w.n)) w.resolve();
    if (child.stdin.writable) child.stdin.write('does microneedling hurt?\n');
  });
  child.stdin.write('does microneedling hurt?\n');
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  return {
    answers: () => answers,
    answered: (n: number) => (answers >= n ? Promise.resolve() : new Promise<void>((resolve) => waiters.push({ n, resolve }))),
    stop: () => {
      child.stdin.end();
      return exited;
    },
  };
}

describe('npm run backup', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'aftercare-backup-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('copies the database while the bot writes; the copy restores, opens and has the same rows', async () => {
    const db = path.join(dir, 'data', 'bot.db');
    const bot = busyBot({ DATABASE_PATH: db });
    await bot.answered(20);

    const whileBusy = path.join(dir, 'while-busy.db');
    const before = bot.answers();
    const taken = await runTs('src/ops/backup-cli.ts', [whileBusy], { env: { DATABASE_PATH: db } });
    expect(taken).toMatchObject({ code: 0, stderr: '' });
    expect(taken.stdout).toMatch(/^backed up .* pages/);
    // The bot kept answering (and recording) around the backup.
    await bot.answered(bot.answers() + 20);
    expect(bot.answers()).toBeGreaterThan(before);
    expect(await bot.stop()).toBe(0);

    // The copy taken mid-write is a whole database as of one commit.
    const busyCopy = new Database(whileBusy, { readonly: true });
    expect(busyCopy.pragma('integrity_check', { simple: true })).toBe('ok');
    busyCopy.close();
    const mid = counts(whileBusy);
    expect(mid.question_events).toBeGreaterThanOrEqual(before);
    expect(mid.question_events).toBeLessThan(counts(db).question_events as number);
    // Restored and opened as the bot opens it (quick_check, migrations), the mid-write copy keeps every row it had.
    const restoredBusy = path.join(dir, 'restored-busy.db');
    copyFileSync(whileBusy, restoredBusy);
    createStore(restoredBusy).close();
    expect(counts(restoredBusy)).toEqual(mid);

    // Restore as the README says (bot stopped, file copied over DATABASE_PATH), then open it as the bot does.
    const quiet = path.join(dir, 'quiet.db');
    expect((await runTs('src/ops/backup-cli.ts', [quiet], { env: { DATABASE_PATH: db } })).code).toBe(0);
    const restored = path.join(dir, 'restored.db');
    copyFileSync(quiet, restored);
    createStore(restored).close();
    const opened = new Database(restored, { readonly: true });
    expect(opened.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    opened.close();
    expect(counts(restored)).toEqual(counts(db));
    expect(counts(restored).question_events).toBeGreaterThanOrEqual(40);
  });

  it('refuses to overwrite a file, and says how to use it', async () => {
    const db = path.join(dir, 'bot.db');
    createStore(db).close();
    const target = path.join(dir, 'exists.db');
    copyFileSync(db, target);
    const refused = await runTs('src/ops/backup-cli.ts', [target], { env: { DATABASE_PATH: db } });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/exists already/);
    expect(existsSync(`${target}.partial`)).toBe(false);
    const usage = await runTs('src/ops/backup-cli.ts', [], { env: { DATABASE_PATH: db } });
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/Usage: npm run backup -- <file>/);
  });
});
