import { readFileSync } from 'node:fs';
import path from 'node:path';
import { replyForMatch } from '../conversation/reply-for-match';
import { loadKnowledge } from '../knowledge/load-knowledge';
import { createMatcher } from '../matching/create-matcher';
import { parseEvalFile } from './eval-case';
import { CATEGORY_LABEL, type EvalSummary, scoreCase, summarize } from './eval-scoring';

/** `npm run eval [file]`: scores the matcher on a JSONL eval file (default: the dev set). */
const DEFAULT_FILE = 'test/eval/dev-questions.jsonl';
const KNOWLEDGE_DIR = 'knowledge';

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

function report(summary: EvalSummary, file: string): string {
  const lines = [`Eval of ${file}: ${summary.total} questions`];
  for (const c of summary.categories) {
    lines.push(`  ${CATEGORY_LABEL[c.category].padEnd(42)} ${String(c.correct).padStart(4)}/${String(c.total).padEnd(4)} ${pct(c.accuracy)}`);
  }
  lines.push(`  ${'overall'.padEnd(42)} ${String(summary.correct).padStart(4)}/${String(summary.total).padEnd(4)} ${pct(summary.accuracy)}`);
  if (summary.failures.length > 0) {
    lines.push('', `Failures (${summary.failures.length}):`);
    for (const f of summary.failures) {
      const got = f.faqId ? `${f.replyKind} ${f.faqId}` : f.replyKind;
      const facts = f.missingFacts.length > 0 ? ` missing facts ${JSON.stringify(f.missingFacts)}` : '';
      lines.push(`  [${f.category}] expected ${f.case.expect}, got ${got}${facts}: ${JSON.stringify(f.case.q)}`);
    }
  }
  return lines.join('\n');
}

function main(): void {
  const file = process.argv[2] ?? DEFAULT_FILE;
  let text: string;
  try {
    text = readFileSync(path.resolve(file), 'utf8');
  } catch (error) {
    console.error(`Cannot read ${file}: ${(error as Error).message}`);
    process.exit(2);
  }
  let cases: ReturnType<typeof parseEvalFile>;
  try {
    cases = parseEvalFile(text, file);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
  const knowledge = loadKnowledge(KNOWLEDGE_DIR);
  const matcher = createMatcher(knowledge);
  const outcomes = cases.map((c) => scoreCase(c, replyForMatch(knowledge, matcher.match(c.q))));
  console.log(report(summarize(outcomes), file));
}

main();
