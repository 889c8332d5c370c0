import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { installRoot } from '../config/install-root';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import pg from 'pg';
import { SCHEDULER_DEFAULTS } from '../checkins/checkin-scheduler';
import { localDate } from '../checkins/local-time';
import type { Knowledge } from '../knowledge/knowledge-schema';
import { loadKnowledge } from '../knowledge/load-knowledge';
import { types } from '../store/postgres/pg-database';
import { PG_CLAIM_SQL } from '../store/postgres/pg-scheduled-checkins';
import { createPostgresStore } from '../store/postgres/postgres-store';
import { claimSelectSql } from '../store/scheduled-checkins';
import { createStore, type Store } from '../store/store';
import { type BenchPostgres, openBenchPostgres } from './bench-postgres';
import { type BulkLoader, type BulkSubscription, postgresBulkLoader, sqliteBulkLoader } from './bulk-load';
import { BENCH_ZONES, planRandomSubscription } from './random-subscription';
import { fmt, int, lcg, percentile } from './bench-numbers';

export interface ScaleBenchOptions {
  /** Subscription counts to measure, smallest first (default 100,000; `--checkins-scale=1000000` adds a million). */
  sizes?: number[];
  /** Claim ticks to time per store and size (default 100, one a minute). */
  claimTicks?: number;
  /** How long the bot was down before the catch-up tick (default 6 hours). */
  outageMs?: number;
  knowledgeDir?: string;
  /** Which stores to measure (default both). */
  stores?: ReadonlyArray<'sqlite' | 'postgres'>;
  /** Where PostgreSQL comes from: the caller's (it closes it), else one opened and closed here. */
  postgres?: () => Promise<BenchPostgres | string>;
}

export const BENCH_NOW = Date.parse('2026-11-26T10:00:00Z');
const SECRET = 'b'.repeat(64);
const LEASE_MS = 90_000;
const CHUNK = 5_000;

/**
 * Plans `count` subscriptions the way "checkins start" does (a zone, a local time 08:00-20:59, a treatment date in
 * the last two weeks, only the check-ins still ahead), CHUNK at a time, so a million never sit in memory at once.
 * Deterministic: every run plans the same ones. Returns the milliseconds spent in planCheckins.
 */
async function planInChunks(knowledge: Knowledge, count: number, onChunk: (chunk: BulkSubscription[]) => Promise<void>): Promise<number> {
  const random = lcg(count);
  // Each zone's date today, once: "checkins start" asks it once per opt-in, which is not what is timed here.
  const today = new Map(BENCH_ZONES.map((zone) => [zone, localDate(new Date(BENCH_NOW), zone)]));
  let planMs = 0;
  for (let from = 0; from < count; from += CHUNK) {
    const started = performance.now();
    const chunk: BulkSubscription[] = [];
    for (let i = from; i < Math.min(count, from + CHUNK); i++) {
      const { zone, treatmentDate, plan } = planRandomSubscription(knowledge, random, i, (z) => today.get(z)!);
      const rows = plan.items
        .filter((item) => item.dueAt.getTime() > BENCH_NOW)
        .map((item) => ({ checkinId: item.checkin.id, dueAt: item.dueAt.getTime(), expiresAt: item.expiresAt.getTime() }));
      chunk.push({ id: i + 1, userId: `u${i}`, zone, treatmentDate, sendMinute: plan.sendMinute, rows });
    }
    planMs += performance.now() - started;
    await onChunk(chunk);
  }
  return planMs;
}

/** One database of one kind and size: created empty (migrated by the store), loaded, then measured. */
interface Target {
  kind: 'sqlite' | 'postgres';
  size: number;
  open(): Promise<Store>;
  loader: BulkLoader;
  loadMs: number;
  rows: number;
  bytes(): Promise<number>;
  /** How the claim's SELECT runs now (EXPLAIN of the store's own SQL). */
  plan(): Promise<string>;
}

async function sqliteTarget(dir: string, size: number): Promise<Target> {
  const file = path.join(dir, `bench-${size}.db`);
  await createStore(file, { askerSecret: SECRET }).close();
  return {
    kind: 'sqlite',
    size,
    open: async () => createStore(file, { askerSecret: SECRET }),
    loader: sqliteBulkLoader(file),
    loadMs: 0,
    rows: 0,
    bytes: async () => ['', '-wal'].reduce((n, suffix) => n + fileSize(file + suffix), 0),
    plan: async () => {
      const db = new Database(file, { readonly: true });
      try {
        const rows = db.prepare(`EXPLAIN QUERY PLAN ${claimSelectSql(1)}`).all(BENCH_NOW, 'discord', 1000) as Array<{ detail: string }>;
        return rows.map((r) => r.detail).join('; ');
      } finally {
        db.close();
      }
    },
  };
}

async function postgresTarget(server: BenchPostgres, size: number): Promise<Target> {
  const url = await server.schema();
  const open = () => createPostgresStore(url, { askerSecret: SECRET, askerKeyFile: '/nonexistent', poolSize: 4 });
  await (await open()).close();
  return {
    kind: 'postgres',
    size,
    open,
    loader: await postgresBulkLoader(url),
    loadMs: 0,
    rows: 0,
    bytes: async () => (await pgRows<{ n: number }>(url, `SELECT pg_total_relation_size('scheduled_checkins') + pg_total_relation_size('checkin_subscriptions') AS n`))[0]!.n,
    plan: async () => {
      // The claim's row lock is taken in the transaction; EXPLAIN without ANALYZE changes nothing.
      const rows = await pgRows<{ 'QUERY PLAN': string }>(url, `EXPLAIN ${PG_CLAIM_SQL}`, [BENCH_NOW, ['discord'], 1000, BENCH_NOW, 'plan']);
      return rows
        .map((r) => r['QUERY PLAN'].trim())
        .filter((line) => /Index|Scan|Limit|Sort/.test(line))
        .map((line) => line.replace(/\s+\(cost=.*$/, '').replace(/^->\s+/, ''))
        .join('; ');
    },
  };
}

async function pgRows<T>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url, types });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

function fileSize(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

interface ClaimFigures {
  p50: number;
  p99: number;
  max: number;
  duePerTick: number;
  /** Claims made (a minute with more due than a batch takes several). */
  claims: number;
}

/**
 * Claims one a minute from BENCH_NOW, as the scheduler makes them: batches of SCHEDULER_DEFAULTS.batchSize, the next
 * at once while a batch comes back full (its drain), every claimed row then marked sent. Each claim is timed.
 */
async function timeClaims(store: Store, minutes: number): Promise<ClaimFigures> {
  const timings: number[] = [];
  let claimed = 0;
  const limit = SCHEDULER_DEFAULTS.batchSize;
  for (let i = 1; i <= minutes; i++) {
    const now = BENCH_NOW + i * 60_000;
    for (let batch = 0; ; batch++) {
      const t0 = performance.now();
      const result = await store.checkins.scheduled.claimDue(now, { leaseMs: LEASE_MS, limit, claimToken: `tick-${i}-${batch}`, platforms: ['discord'] });
      timings.push(performance.now() - t0);
      claimed += result.claimed.length;
      for (const row of result.claimed) await store.checkins.scheduled.markSent(row.id, row.claimToken, now);
      if (result.claimed.length > 0) await store.checkins.checkpoint();
      if (result.claimed.length < limit) break;
    }
  }
  timings.sort((a, b) => a - b);
  return { p50: percentile(timings, 50), p99: percentile(timings, 99), max: timings[timings.length - 1]!, duePerTick: claimed / minutes, claims: timings.length };
}

interface CatchUpFigures {
  expired: number;
  released: number;
  claimed: number;
  tickMs: number;
  /** The longest the event loop was kept from running a timer during the tick. */
  longestBlockMs: number;
}

/**
 * The longest stretch the event loop could not run a timer: a 1 ms interval notes the gap between its runs (a gap
 * is the block plus up to the 1 ms period). Resolves with the longest, in ms, once it has seen the loop free again.
 */
function watchEventLoop(): { stop(): Promise<number> } {
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const t = performance.now();
    longest = Math.max(longest, t - last);
    last = t;
  }, 1);
  return {
    stop: () =>
      new Promise((resolve) =>
        setTimeout(() => {
          clearInterval(timer);
          resolve(longest);
        }, 5),
      ),
  };
}

/**
 * The bot was down for `outageMs` after the last timed tick, which crashed mid-send (its rows still leased): the first
 * tick back releases those, expires every row whose window closed meanwhile and claims the next batch.
 */
async function timeCatchUp(store: Store, ticks: number, outageMs: number): Promise<CatchUpFigures> {
  const crashedAt = BENCH_NOW + (ticks + 1) * 60_000;
  await store.checkins.scheduled.claimDue(crashedAt, { leaseMs: LEASE_MS, limit: SCHEDULER_DEFAULTS.batchSize, claimToken: 'crashed', platforms: ['discord'] });
  const watch = watchEventLoop();
  const t0 = performance.now();
  const result = await store.checkins.scheduled.claimDue(crashedAt + outageMs, { leaseMs: LEASE_MS, limit: SCHEDULER_DEFAULTS.batchSize, claimToken: 'back', platforms: ['discord'] });
  const tickMs = performance.now() - t0;
  const longestBlockMs = await watch.stop();
  return { expired: result.expired, released: result.released, claimed: result.claimed.length, tickMs, longestBlockMs };
}

/** The check-in store figures at scale for `npm run bench`: lines to print. */
export async function runCheckinsScaleBench(options: ScaleBenchOptions = {}): Promise<string[]> {
  const sizes = [...(options.sizes ?? [100_000])].sort((a, b) => a - b);
  const ticks = options.claimTicks ?? 100;
  const outageMs = options.outageMs ?? 6 * 3_600_000;
  const knowledge = loadKnowledge(options.knowledgeDir ?? path.join(installRoot(), 'knowledge'));
  const dir = mkdtempSync(path.join(tmpdir(), 'aftercare-scale-bench-'));
  const lines: string[] = [`Check-ins at scale: both stores, ${sizes.map(int).join(' and ')} subscriptions (the claim and catch-up are the stores' own code)`];
  const stores = options.stores ?? ['sqlite', 'postgres'];
  const server = stores.includes('postgres') ? await (options.postgres ?? openBenchPostgres)() : 'not asked for';
  const ownServer = !options.postgres;
  if (typeof server !== 'string') lines.push(`  PostgreSQL: ${server.source}`);
  else if (stores.includes('postgres')) lines.push(`  PostgreSQL skipped: no PostgreSQL (${server})`);
  try {
    const targets: Target[] = [];
    for (const size of sizes) {
      if (stores.includes('sqlite')) targets.push(await sqliteTarget(dir, size));
      if (typeof server !== 'string') targets.push(await postgresTarget(server, size));
    }
    const largest = sizes[sizes.length - 1]!;
    let planned = 0;
    const planMs = await planInChunks(knowledge, largest, async (chunk) => {
      const first = chunk[0]!.id - 1;
      planned += chunk.reduce((n, s) => n + s.rows.length, 0);
      for (const target of targets) {
        if (first >= target.size) continue;
        const part = chunk.slice(0, target.size - first);
        const t0 = performance.now();
        await target.loader.load(part, BENCH_NOW);
        target.loadMs += performance.now() - t0;
        target.rows += part.reduce((n, s) => n + s.rows.length, 0);
      }
    });
    for (const target of targets) {
      const t0 = performance.now();
      await target.loader.finish();
      target.loadMs += performance.now() - t0;
    }
    lines.push(
      `  planning ${int(largest)} subscriptions (${int(planned)} upcoming check-ins): ${fmt(planMs / 1000, 1)} s (${fmt((planMs / largest) * 1000, 0)} µs each, ` +
        `zone offsets remembered per zone and day)`,
    );
    lines.push(
      `  ${'subscriptions'.padEnd(13)} ${'store'.padEnd(8)} ${'rows'.padStart(9)} ${'size'.padStart(8)} ${'bulk load'.padStart(9)} | ` +
        `claim p50 / p99 / max (batches of ${SCHEDULER_DEFAULTS.batchSize}) | 6-h outage, first tick back: released, expired, claimed, its time, longest event-loop block`,
    );
    for (const target of targets) {
      const store = await target.open();
      try {
        const claims = await timeClaims(store, ticks);
        const catchUp = await timeCatchUp(store, ticks, outageMs);
        const plan = target.size === largest ? await target.plan() : '';
        const bytes = await target.bytes();
        lines.push(
          `  ${int(target.size).padEnd(13)} ${target.kind.padEnd(8)} ${int(target.rows).padStart(9)} ${`${fmt(bytes / 1024 / 1024, 0)} MB`.padStart(8)} ` +
            `${`${fmt(target.loadMs / 1000, 1)} s`.padStart(9)} | ` +
            `${fmt(claims.p50, 2)} / ${fmt(claims.p99, 2)} / ${fmt(claims.max, 2)} ms (${fmt(claims.duePerTick, 0)} due a minute, ${claims.claims} claims) | ` +
            `${int(catchUp.released)}, ${int(catchUp.expired)}, ${int(catchUp.claimed)} in ${fmt(catchUp.tickMs, 0)} ms, longest block ${fmt(catchUp.longestBlockMs, 1)} ms`,
        );
        if (plan) lines.push(`      ${target.kind} claim query plan at ${int(target.size)}: ${plan}`);
      } finally {
        await store.close();
      }
    }
    lines.push('  targets: claim tick p99 < 20 ms; catch-up longest block < 50 ms');
  } finally {
    if (ownServer && typeof server !== 'string') await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
  lines.push(`  peak RSS ${fmt(process.resourceUsage().maxRSS / 1024, 0)} MB`);
  return lines;
}
