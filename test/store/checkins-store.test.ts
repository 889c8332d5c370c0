import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { PG_CLAIM_SQL } from '../../src/store/postgres/pg-scheduled-checkins';
import { CATCH_UP_SQL, CATCH_UP_STEP, claimSelectSql } from '../../src/store/scheduled-checkins';
import { createStore, type Store } from '../../src/store/store';
import { STORE_KINDS, type StoreUnderTest } from './support/store-kinds';
import { seedSubscription } from '../checkins/support/seed';
import { describeWithPostgres } from '../support/postgres/test-schema';
import { sqlRows } from '../support/sql-rows';

const NOW = Date.parse('2026-11-26T10:00:00Z');
const LEASE = 5 * 60_000;
const claim = (store: Store, now: number, token: string, limit = 100) =>
  store.checkins.scheduled.claimDue(now, { leaseMs: LEASE, limit, claimToken: token, platforms: ['discord', 'slack', 'shell'] });

describe.each(STORE_KINDS)('check-in store ($name)', (kind) => {
  let db: StoreUnderTest;
  let store: Store;
  beforeEach(async () => {
    db = await kind.create();
    store = db.store;
  });
  afterEach(() => db.cleanup());

  it('claims due rows once, in due order, leaving future ones pending', async () => {
    await seedSubscription(store, { userId: 'a', checkinIds: ['c1', 'c2', 'c3'], dueAt: [NOW - 2000, NOW - 1000, NOW + 1000] });
    const first = await claim(store, NOW, 't1', 1);
    expect(first.claimed.map((c) => c.checkinId)).toEqual(['c1']);
    expect(first.claimed[0]).toMatchObject({ status: 'sending', leaseUntil: NOW + LEASE, userId: 'a', address: { userId: 'a' } });
    expect((await claim(store, NOW, 't2')).claimed.map((c) => c.checkinId)).toEqual(['c2']);
    expect((await claim(store, NOW, 't3')).claimed).toHaveLength(0);
  });

  it('only lets the holder of a live lease send, and never after a stop or past the window', async () => {
    await seedSubscription(store, { userId: 'a', checkinIds: ['c1', 'c2'], dueAt: [NOW, NOW], windowHours: 1 });
    const [one, two] = (await claim(store, NOW, 'mine')).claimed;
    const scheduled = store.checkins.scheduled;
    expect(await scheduled.permitSend(one!.id, 'not-mine', NOW, 30_000)).toBe('lost');
    expect(await scheduled.permitSend(one!.id, 'mine', NOW + LEASE - 10_000, 30_000)).toBe('lost'); // too little lease left
    expect(await scheduled.permitSend(one!.id, 'mine', NOW, 30_000)).toBe('send');
    expect((await scheduled.get(one!.id))!.attempts).toBe(1);
    expect(await scheduled.markSent(one!.id, 'mine', NOW)).toBe(true);
    await store.checkins.subscriptions.stop('discord', 'a', NOW);
    expect((await scheduled.get(two!.id))!.status).toBe('cancelled');
    expect(await scheduled.permitSend(two!.id, 'mine', NOW, 30_000)).toBe('lost');

    await seedSubscription(store, { userId: 'b', checkinIds: ['c1'], dueAt: [NOW], windowHours: 1 });
    const [late] = (await claim(store, NOW, 'late')).claimed;
    expect(await scheduled.permitSend(late!.id, 'late', NOW + 3_600_000, 30_000)).toBe('expired');
    expect((await scheduled.get(late!.id))!.status).toBe('expired');
  });

  it('starting again cancels the open rows of the old plan and keeps one subscription', async () => {
    await seedSubscription(store, { userId: 'a', checkinIds: ['c1', 'c2'], dueAt: [NOW, NOW + 1000] });
    const [held] = (await claim(store, NOW, 'held')).claimed;
    await seedSubscription(store, { userId: 'a', checkinIds: ['n1'], dueAt: [NOW + 5000] });
    expect((await store.checkins.scheduled.get(held!.id))!.status).toBe('cancelled');
    expect(await store.checkins.scheduled.countByStatus()).toMatchObject({ pending: 1, cancelled: 2 });
    expect(await store.checkins.subscriptions.count()).toBe(1);
  });

  it('after an outage expires every row past its window in steps, claims none of them, loses none, and lets other work run between steps', async () => {
    const HOUR = 3_600_000;
    // A tick that crashed before the outage still holds two rows; its lease ran out long ago.
    await seedSubscription(store, { userId: 'crashed', checkinIds: ['x1', 'x2'], dueAt: [NOW - 3 * HOUR, NOW - 3 * HOUR], windowHours: 8 });
    await claim(store, NOW - 3 * HOUR, 'crashed-tick');
    const stale = 3 * CATCH_UP_STEP + 7; // several steps, the last one partial
    const users = Math.ceil(stale / 100);
    for (let u = 0; u < users; u++) {
      const count = Math.min(100, stale - u * 100);
      await seedSubscription(store, { userId: `stale-${u}`, checkinIds: ['c'], dueAt: Array.from({ length: count }, (_, i) => NOW - 10 * HOUR + i), windowHours: 1 });
    }
    await seedSubscription(store, { userId: 'fresh', checkinIds: ['f1', 'f2', 'f3'], dueAt: [NOW - 2 * HOUR, NOW - HOUR, NOW], windowHours: 8 });
    await seedSubscription(store, { userId: 'later', checkinIds: ['l1', 'l2'], dueAt: [NOW + HOUR, NOW + 2 * HOUR] });

    let otherWorkRan = false;
    const claiming = claim(store, NOW, 'back', 100);
    setImmediate(() => {
      otherWorkRan = true;
    });
    let ranBeforeClaimSettled = false;
    const result = await claiming.then((r) => {
      ranBeforeClaimSettled = otherWorkRan;
      return r;
    });
    expect(ranBeforeClaimSettled).toBe(true);
    expect(result.expired).toBe(stale);
    expect(result.released).toBe(2);
    expect(result.claimed.map((c) => c.checkinId).sort()).toEqual(['f1', 'f2', 'f3', 'x1', 'x2']);
    expect(await store.checkins.scheduled.countByStatus()).toMatchObject({ expired: stale, sending: 5, pending: 2, sent: 0 });
    for (const row of result.claimed) await store.checkins.scheduled.markSent(row.id, row.claimToken, NOW);
    // Nothing stale comes back on a later tick, and the future rows are still there when due.
    const later = await claim(store, NOW + 2 * HOUR, 'later', 100);
    expect(later.claimed.map((c) => c.checkinId)).toEqual(['l1', 'l2']);
    expect(later.expired).toBe(0);
  });

  it('gives every scheduled row its own nonce of at most 25 characters', async () => {
    await seedSubscription(store, { userId: 'a', checkinIds: ['c'], dueAt: Array.from({ length: 500 }, (_, i) => NOW + i) });
    const nonces = (await db.rows<{ nonce: string }>(`SELECT nonce FROM scheduled_checkins`)).map((r) => r.nonce);
    expect(new Set(nonces).size).toBe(500);
    for (const n of nonces) expect(n).toMatch(/^[a-z0-9]{1,25}$/);
  });
});

describe('check-in store query plans (SQLite)', () => {
  let dir: string;
  let store: Store;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'aftercare-checkins-store-'));
    file = path.join(dir, 'bot.db');
    store = createStore(file);
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('claims due rows, releases lapsed leases and expires overdue rows through the partial indexes on open rows', async () => {
    const plan = (sql: string, ...params: unknown[]) =>
      sqlRows<{ detail: string }>(file, `EXPLAIN QUERY PLAN ${sql}`, ...params)
        .map((p) => p.detail)
        .join('\n');
    expect(plan(claimSelectSql(2), NOW, 'discord', 'slack', 10)).toMatch(/SEARCH s USING INDEX scheduled_checkins_due \(due_at<\?\)/);
    expect(plan(CATCH_UP_SQL.expire, { now: NOW, limit: 10 })).toMatch(/USING (COVERING )?INDEX scheduled_checkins_expiry \(expires_at<\?\)/);
    expect(plan(CATCH_UP_SQL.release, { now: NOW, limit: 10 })).toMatch(/USING (COVERING )?INDEX scheduled_checkins_leased \(lease_until<\?\)/);
  });
});

describeWithPostgres()('check-in store query plans (PostgreSQL)', () => {
  it('claims due rows through the partial index on pending rows', async () => {
    const db = await STORE_KINDS.find((k) => k.name === 'postgres')!.create();
    const client = new pg.Client({ connectionString: db.target });
    await client.connect();
    try {
      // An empty table would be read whole whatever the indexes; this asks which index the claim can use.
      await client.query('SET enable_seqscan = off');
      const { rows } = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${PG_CLAIM_SQL}`, [NOW, ['discord'], 10, NOW + LEASE, 'plan']);
      expect(rows.map((r) => r['QUERY PLAN']).join('\n')).toMatch(/Index Scan using scheduled_checkins_due on scheduled_checkins\s/);
    } finally {
      await client.end();
      await db.cleanup();
    }
  });
});
