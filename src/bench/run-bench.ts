import { loadKnowledge } from '../knowledge/load-knowledge';
import { type BenchPostgres, openBenchPostgres } from './bench-postgres';
import { runCheckinsBench } from './checkins-bench';
import { runCheckinsScaleBench } from './checkins-scale-bench';
import { runFirstAnswerBench } from './first-answer-bench';
import { runMatcherBench } from './matcher-bench';
import { runKnowledgeReloadBench, runMatcherScaleBench } from './matcher-scale-bench';
import { runPgDispatchBench } from './pg-dispatch-bench';

/**
 * `npm run bench`: every section prints its own lines. A new section (e.g. a check-ins bench) is a
 * module with a run function, added to SECTIONS.
 *
 * Flags: `--quick` (shorter dispatch runs); `--checkins-scale=1000000` (or BENCH_FULL=1) adds a million subscriptions
 * to the check-in store figures (about 3.2M rows per store; several minutes); `--checkins-stores=sqlite` or
 * `=postgres` measures one store; `--only=matcher,first-answer,checkins` runs those sections. `npm run bench` runs the
 * compiled build (dist/), as production does: tsx, which `npm start` uses, keeps every function's name by wrapping
 * each closure as it is created, which slows the matcher's many small closures by about half. PostgreSQL comes from
 * DATABASE_URL or TEST_DATABASE_URL, else a throwaway server.
 */
const KNOWLEDGE_DIR = 'knowledge';
const DEV_SET = 'test/eval/dev-questions.jsonl';

type Section = { name: string; run: () => Promise<string[]> | string[] };

function flag(name: string): string | undefined {
  const prefix = `--${name}=`;
  return process.argv.find((a) => a.startsWith(prefix))?.slice(prefix.length);
}

const quick = process.argv.includes('--quick');
const scale = Number(flag('checkins-scale') ?? (process.env.BENCH_FULL === '1' ? 1_000_000 : 0));
const sizes = [...new Set([100_000, ...(scale > 0 ? [scale] : [])])];
const stores = (flag('checkins-stores')?.split(',') ?? ['sqlite', 'postgres']) as Array<'sqlite' | 'postgres'>;
let postgres: Promise<BenchPostgres | string> | null = null;
const benchPostgres = () => (postgres ??= openBenchPostgres());

const SECTIONS: Section[] = [
  { name: 'matcher', run: () => runMatcherBench(loadKnowledge(KNOWLEDGE_DIR), DEV_SET).lines },
  { name: 'matcher', run: () => runMatcherScaleBench(loadKnowledge(KNOWLEDGE_DIR), DEV_SET) },
  { name: 'matcher', run: () => runKnowledgeReloadBench(KNOWLEDGE_DIR) },
  { name: 'first-answer', run: async () => (await runFirstAnswerBench()).lines },
  // All 10,000 due check-ins at 40/s take about 250 s; `npm run bench -- --quick` dispatches 2,000 (50 s).
  { name: 'checkins', run: () => runCheckinsBench({ dispatchCount: quick ? 2_000 : 10_000 }) },
  { name: 'checkins', run: () => runCheckinsScaleBench({ sizes, stores, postgres: benchPostgres }) },
  { name: 'checkins', run: async () => {
    const server = await benchPostgres();
    if (typeof server === 'string') return ['Check-ins on several processes', `  skipped: no PostgreSQL (${server})`];
    // 100,000 at 450/s take about four minutes; --quick dispatches 20,000.
    return ['Check-ins on several processes', ...(await runPgDispatchBench(server, { due: quick ? 20_000 : 100_000 }))];
  } },
];
const only = flag('only')?.split(',');

async function main(): Promise<void> {
  try {
    for (const section of SECTIONS) {
      if (only && !only.includes(section.name)) continue;
      for (const line of await section.run()) console.log(line);
      console.log('');
    }
  } finally {
    const server = await postgres;
    if (server && typeof server !== 'string') await server.close();
  }
  console.log(`peak RSS of the whole bench ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
