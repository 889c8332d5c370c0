import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS } from '../../src/store/migrations';
import { createStore } from '../../src/store/store';
import { sqlRow, sqlRows } from '../support/sql-rows';

describe('store', () => {
  let dir: string;
  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'aftercare-store-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('creates the folder and file on first start and migrates once', async () => {
    const file = path.join(dir, 'nested', 'folder', 'bot.db');
    const store = createStore(file);
    expect(sqlRow(file, 'PRAGMA user_version')).toEqual({ user_version: MIGRATIONS.length });
    await store.questions.record({ askedAt: new Date(), outcome: 'answered', faqId: 'x', question: 'q', askerKey: 'k' });
    await store.close();
    const again = createStore(file);
    expect(await again.questions.count()).toBe(1);
    await again.close();
  });

  it('refuses a database from a newer version (a downgrade), naming what to do, and leaves it untouched', async () => {
    const file = path.join(dir, 'bot.db');
    createStore(file).close();
    const raw = new Database(file);
    raw.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    raw.close();
    expect(() => createStore(file)).toThrow(/schema version \d+, newer than this version .*restore the backup/);
    const again = new Database(file, { readonly: true });
    expect(again.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length + 1);
    again.close();
  });

  it('keeps question text only for declined questions and never a user id', async () => {
    const file = path.join(dir, 'bot.db');
    const store = createStore(file);
    const key = store.askerKey('discord', '123456789012345678');
    expect(key).not.toContain('123456789012345678');
    await store.questions.record({ askedAt: new Date(), outcome: 'answered', faqId: 'pain', question: 'does it hurt', askerKey: key });
    await store.questions.record({ askedAt: new Date(), outcome: 'declined', faqId: null, question: 'can i tip', askerKey: key });
    const rows = sqlRows(file, 'SELECT * FROM question_events ORDER BY id');
    expect(rows.map((r) => r.question)).toEqual([null, 'can i tip']);
    expect(JSON.stringify(rows)).not.toContain('123456789012345678');
    expect(await store.questions.forget(key)).toBe(2);
    await store.close();
  });

  it('keeps the same asker key across restarts and differs per user', async () => {
    const file = path.join(dir, 'bot.db');
    const a = createStore(file);
    const first = a.askerKey('slack', 'U1');
    expect(a.askerKey('slack', 'U2')).not.toBe(first);
    await a.close();
    const b = createStore(file);
    expect(b.askerKey('slack', 'U1')).toBe(first);
    await b.close();
  });
});
