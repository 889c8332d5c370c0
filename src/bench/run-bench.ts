import { loadKnowledge } from '../knowledge/load-knowledge';
import { runCheckinsBench } from './checkins-bench';
import { runFirstAnswerBench } from './first-answer-bench';
import { runMatcherBench } from './matcher-bench';
import { runMatcherScaleBench } from './matcher-scale-bench';

/**
 * `npm run bench`: every section prints its own lines. A new section (e.g. a check-ins bench) is a
 * module with a run function, added to SECTIONS.
 */
const KNOWLEDGE_DIR = 'knowledge';
const DEV_SET = 'test/eval/dev-questions.jsonl';

type Section = () => Promise<string[]> | string[];

const SECTIONS: Section[] = [
  () => runMatcherBench(loadKnowledge(KNOWLEDGE_DIR), DEV_SET).lines,
  () => runMatcherScaleBench(loadKnowledge(KNOWLEDGE_DIR), DEV_SET),
  async () => (await runFirstAnswerBench()).lines,
  // All 10,000 due check-ins at 40/s take about 250 s; `npm run bench -- --quick` dispatches 2,000 (50 s).
  () => runCheckinsBench({ dispatchCount: process.argv.includes('--quick') ? 2_000 : 10_000 }),
];

async function main(): Promise<void> {
  for (const section of SECTIONS) {
    for (const line of await section()) console.log(line);
    console.log('');
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
