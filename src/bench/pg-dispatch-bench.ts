import { spawn } from 'node:child_process';
import path from 'node:path';
import { installRoot } from '../config/install-root';
import { performance } from 'node:perf_hooks';
import { loadKnowledge } from '../knowledge/load-knowledge';
import { createPostgresStore } from '../store/postgres/postgres-store';
import type { BenchPostgres } from './bench-postgres';
import { fmt, int } from './bench-numbers';
import { type BulkSubscription, postgresBulkLoader } from './bulk-load';
import { CountingPlatform } from './counting-platform';

export interface DispatchBenchOptions {
  /** Due check-ins, one per user (default 100,000). */
  due?: number;
  /** Bot processes (default 3). */
  processes?: number;
  /** The pace all processes share, sends per second (default 450; each takes 1/processes: CHECKIN_SENDERS). */
  perSecond?: number;
  /** The emulated platform's limit per sliding second; above it a send gets a 429 (default 500). */
  platformLimitPerSecond?: number;
  knowledgeDir?: string;
}

const ROOT = installRoot();
// The child runs as this bench does: compiled (dist/, `npm run bench`) by node, or TypeScript through tsx.
const COMPILED = __filename.endsWith('.js');
const CHILD = path.join(__dirname, COMPILED ? 'dispatch-child.js' : 'dispatch-child.ts');
const RUNNER = COMPILED ? process.execPath : path.join(ROOT, 'node_modules', '.bin', 'tsx');

interface ChildSummary {
  sent: number;
  failed: number;
  ticks: number;
}

function startChild(url: string, env: Record<string, string>) {
  const child = spawn(RUNNER, [CHILD, url], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  let stdout = '';
  let stderr = '';
  let onReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => {
    onReady = resolve;
  });
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString();
    if (stdout.includes('READY\n')) onReady();
  });
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const summary = new Promise<ChildSummary>((resolve, reject) =>
    child.on('close', (code) => {
      const last = stdout.trim().split('\n').pop() ?? '';
      if (code === 0) resolve(JSON.parse(last) as ChildSummary);
      else reject(new Error(`dispatch child exited ${code}: ${stderr.slice(-500)}`));
    }),
  );
  // A child that dies before READY must not leave the bench waiting for ever.
  const readyOrDead = Promise.race([ready, summary.then(() => undefined)]);
  return { child, ready: readyOrDead, summary };
}

/**
 * Several real bot processes (tsx children, the production scheduler) dispatch the same due check-ins from one
 * PostgreSQL database to one emulated platform, which counts what each user received and the combined rate.
 */
export async function runPgDispatchBench(server: BenchPostgres, options: DispatchBenchOptions = {}): Promise<string[]> {
  const due = options.due ?? 100_000;
  const processes = options.processes ?? 3;
  const perSecond = options.perSecond ?? 450;
  const limit = options.platformLimitPerSecond ?? 500;
  const knowledge = loadKnowledge(options.knowledgeDir ?? path.join(ROOT, 'knowledge'));
  const url = await server.schema();
  await (await createPostgresStore(url, { askerSecret: 'b'.repeat(64), askerKeyFile: '/nonexistent' })).close();
  const loader = await postgresBulkLoader(url);
  const dueAt = Date.now() - 60_000;
  const checkinId = knowledge.checkins[0]!.id;
  for (let from = 0; from < due; from += 10_000) {
    const batch: BulkSubscription[] = [];
    for (let i = from; i < Math.min(due, from + 10_000); i++) {
      batch.push({ id: i + 1, userId: `p${i}`, zone: 'UTC', treatmentDate: '2026-11-25', sendMinute: 540, rows: [{ checkinId, dueAt, expiresAt: dueAt + 24 * 3_600_000 }] });
    }
    await loader.load(batch, dueAt);
  }
  await loader.finish();

  const platform = new CountingPlatform(limit);
  const platformUrl = await platform.start();
  try {
    const env = { PLATFORM_URL: platformUrl, PER_SECOND: String(perSecond), CHECKIN_SENDERS: String(processes) };
    const children = Array.from({ length: processes }, () => startChild(url, env));
    await Promise.all(children.map((c) => c.ready));
    const started = performance.now();
    for (const c of children) c.child.stdin.end('go\n');
    const summaries = await Promise.all(children.map((c) => c.summary));
    const seconds = (performance.now() - started) / 1000;
    const counts = [...platform.perUser.values()];
    const twice = counts.filter((n) => n > 1).length;
    const missing = due - platform.perUser.size;
    const first = platform.accepted[0]!;
    const last = platform.accepted[platform.accepted.length - 1]!;
    const rate = (platform.accepted.length - 1) / ((last - first) / 1000);
    return [
      `  ${processes} processes on one PostgreSQL dispatching ${int(due)} due check-ins (production scheduler, real child processes), ` +
        `each paced at 1/${processes} of ${perSecond}/s (CHECKIN_SENDERS=${processes}), to an emulated platform limited to ${limit}/s:`,
      `    delivered ${int(platform.accepted.length)} to ${int(platform.perUser.size)} users; users who got one twice: ${twice}; got none: ${missing}; ` +
        `sent per process ${summaries.map((s) => int(s.sent)).join(' / ')} (${summaries.reduce((n, s) => n + s.ticks, 0)} ticks)`,
      `    combined rate ${fmt(rate)} sends/s (${fmt((rate / limit) * 100)}% of the platform limit) over ${fmt(seconds, 0)} s; busiest second ${platform.busiestSecond()}; ` +
        `429s: ${platform.rejected}; failed sends: ${summaries.reduce((n, s) => n + s.failed, 0)}`,
    ];
  } finally {
    await platform.stop();
  }
}
