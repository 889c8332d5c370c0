import { loadKnowledge } from '../knowledge/load-knowledge';
import { runFirstAnswerBench } from './first-answer-bench';
import { runMatcherBench } from './matcher-bench';

/**
 * `npm run bench`: every section prints its own lines. A new section (e.g. a check-ins bench) is a
 * module with a run function, added to SECTIONS.
 */
const KNOWLEDGE_DIR = 'knowledge';
const DEV_SET = 'test/eval/dev-questions.jsonl';

type Section = () => Promise<string[]> | string[];

const SECTIONS: Section[] = [
  () => runMatcherBench(loadKnowledge(KNOWLEDGE_DIR), DEV_SET).lines,
  async () => (await runFirstAnswerBench()).lines,
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
