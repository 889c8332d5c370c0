import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createStore } from '../../src/store/store';
import { RecordingAdapter } from '../checkins/support/checkin-fixtures';
import { sqlRows } from '../support/sql-rows';
import { createTestCore, type TestCore } from '../support/test-core';

const NOW = new Date('2026-11-26T10:00:00Z');
// Distinctive values that appear nowhere else in a fresh database.
const USER = 'U0FORGETME4711';
const DM_CHANNEL = 'D0DMCHANNEL0815';
const QUESTION = 'zebra tattoo quokka removal pricing for my elbow';

/** The raw bytes of the database and its WAL (and shared-memory index), as the bot leaves them while running. */
function rawFiles(db: string): Array<[string, Buffer]> {
  return ['', '-wal', '-shm'].filter((s) => existsSync(db + s)).map((s) => [path.basename(db + s), readFileSync(db + s)]);
}

describe('forget me on disk (issue 11 #4)', () => {
  let t: TestCore;
  beforeEach(async () => {
    t = await createTestCore({ now: NOW });
  });
  afterEach(() => t.cleanup());

  it('leaves no user id, DM channel id or question text in the .db or -wal bytes while the bot still runs', async () => {
    const adapter = new RecordingAdapter('discord');
    t.adapters.set('discord', adapter);
    const direct = { platform: 'discord' as const, user: { id: USER }, channel: { id: DM_CHANNEL, isDirect: true }, isModerator: false };
    expect((await t.core.handle({ ...direct, text: 'checkins start today 11:00 UTC' })).text).toMatch(/Check-ins are on/);
    expect((await t.core.handle({ ...direct, text: QUESTION })).kind).not.toBe('answer');
    const stored = sqlRows<{ question: string }>(t.config.DATABASE_PATH, `SELECT question FROM question_events WHERE question IS NOT NULL`);
    const storedQuestion = stored[0]!.question;
    const needles = [USER, DM_CHANNEL, storedQuestion];
    // The premise: before forgetting, the bytes are there.
    const before = rawFiles(t.config.DATABASE_PATH).map(([, bytes]) => bytes.toString('latin1')).join('');
    for (const needle of needles) expect(before).toContain(needle);

    const forgot = await t.core.handle({ ...direct, text: 'forget me' });
    expect(forgot.text).toMatch(/deleted everything/);

    for (const [name, bytes] of rawFiles(t.config.DATABASE_PATH)) {
      const text = bytes.toString('latin1');
      for (const needle of needles) expect([name, needle, text.includes(needle)]).toEqual([name, needle, false]);
    }
  });
});

describe('database files and the asker-key secret (issue 11 #4)', () => {
  let dir: string;
  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'aftercare-perm-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('creates the folder 0700 and the database 0600 (WAL too)', async () => {
    const file = path.join(dir, 'new', 'aftercare.db');
    const store = createStore(file);
    await store.questions.record({ askedAt: NOW, outcome: 'answered', faqId: 'x', question: null, askerKey: 'k' });
    try {
      expect(statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(statSync(`${file}-wal`).mode & 0o777).toBe(0o600);
    } finally {
      await store.close();
    }
  });

  it('keeps the secret out of the database: in a separate 0600 file, or from the environment', async () => {
    const file = path.join(dir, 'aftercare.db');
    const store = createStore(file);
    const key = store.askerKey('discord', 'U1');
    await store.close();
    const meta = sqlRows<{ key: string }>(file, `SELECT key FROM meta`);
    expect(meta.map((m) => m.key)).not.toContain('asker_secret');
    const secretFile = path.join(dir, 'asker-key');
    expect(statSync(secretFile).mode & 0o777).toBe(0o600);
    // The same key after a restart (forget-me still finds old records).
    const again = createStore(file);
    expect(again.askerKey('discord', 'U1')).toBe(key);
    await again.close();
    // A secret given in the environment (through config) wins and is not written anywhere.
    const fromEnv = createStore(path.join(dir, 'other.db'), { askerSecret: 'e'.repeat(64) });
    expect(fromEnv.askerKey('discord', 'U1')).not.toBe(key);
    await fromEnv.close();
  });

  it('moves the secret of an existing install out of the database into the file, keeping its keys', async () => {
    const file = path.join(dir, 'aftercare.db');
    // An install from before: the secret sits in meta.
    const old = new Database(file);
    old.exec(`CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL); PRAGMA user_version = 1;`);
    old.prepare(`INSERT INTO meta VALUES ('asker_secret', ?)`).run('ab'.repeat(32));
    old.close();
    const store = createStore(file);
    const key = store.askerKey('discord', 'U1');
    await store.close();
    expect(readFileSync(path.join(dir, 'asker-key'), 'utf8').trim()).toBe('ab'.repeat(32));
    expect(sqlRows(file, `SELECT * FROM meta WHERE key = 'asker_secret'`)).toEqual([]);
    const withFile = createStore(file);
    expect(withFile.askerKey('discord', 'U1')).toBe(key);
    await withFile.close();
    const raw = ['', '-wal'].filter((s) => existsSync(file + s)).map((s) => readFileSync(file + s).toString('latin1')).join('');
    expect(raw).not.toContain('ab'.repeat(32));
  });

  it('refuses a secret file others can read', () => {
    writeFileSync(path.join(dir, 'asker-key'), 'cd'.repeat(32), { mode: 0o644 });
    expect(() => createStore(path.join(dir, 'aftercare.db'))).toThrow(/asker-key.*0600|permissions/);
  });
});
