import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { replyForMatch } from '../conversation/reply-for-match';
import { loadKnowledge } from '../knowledge/load-knowledge';
import { createMatcher } from '../matching/create-matcher';
import { type EvalCase, parseEvalFile } from './eval-case';
import { CATEGORY_LABEL, type EvalSummary, scoreCase, summarize } from './eval-scoring';

/**
 * `npm run eval [--failures] [file ...]`: scores the matcher on JSONL eval files. Without files: the dev set
 * (tuned against: training accuracy) and every blind batch in test/eval/blind/, reported apart.
 */
const DEV_FILE = 'test/eval/dev-questions.jsonl';
const BLIND_DIR = 'test/eval/blind';
const KNOWLEDGE_DIR = process.env.KNOWLEDGE_DIR ?? 'knowledge';

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

function report(summary: EvalSummary, title: string, showFailures: boolean): string {
  const lines = [`${title}: ${summary.total} questions`];
  for (const c of summary.categories) {
    if (c.total === 0) continue;
    lines.push(`  ${CATEGORY_LABEL[c.category].padEnd(42)} ${String(c.correct).padStart(4)}/${String(c.total).padEnd(4)} ${pct(c.accuracy)}`);
  }
  lines.push(`  ${'overall'.padEnd(42)} ${String(summary.correct).padStart(4)}/${String(summary.total).padEnd(4)} ${pct(summary.accuracy)}`);
  if (showFailures && summary.failures.length > 0) {
    lines.push(`  Failures (${summary.failures.length}):`);
    for (const f of summary.failures) {
      const got = f.faqId ? `${f.replyKind} ${f.faqId}` : f.replyKind;
      const facts = f.missingFacts.length > 0 ? ` missing facts ${JSON.stringify(f.missingFacts)}` : '';
      lines.push(`    [${f.category}] expected ${f.case.expect}, got ${got}${facts}: ${JSON.stringify(f.case.q)}`);
    }
  }
  return lines.join('\n');
}

function readCases(file: string): EvalCase[] {
  try {
    return parseEvalFile(readFileSync(path.resolve(file), 'utf8'), file);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
}

function blindFiles(): string[] {
  try {
    return readdirSync(BLIND_DIR)
      .filter((f) => f.endsWith('.jsonl'))
      .sort()
      .map((f) => path.join(BLIND_DIR, f));
  } catch {
    return [];
  }
}

function main(): void {
  const args = process.argv.slice(2);
  const showFailures = args.includes('--failures');
  const named = args.filter((a) => !a.startsWith('--'));
  const knowledge = loadKnowledge(KNOWLEDGE_DIR);
  const matcher = createMatcher(knowledge);
  const score = (cases: EvalCase[]) => summarize(cases.map((c) => scoreCase(c, replyForMatch(knowledge, matcher.match(c.q)))));

  if (named.length > 0) {
    for (const file of named) console.log(report(score(readCases(file)), `Eval of ${file}`, showFailures));
    return;
  }
  console.log(report(score(readCases(DEV_FILE)), `Dev set ${DEV_FILE} (tuned against: training accuracy)`, showFailures));
  const blind = blindFiles();
  const all: EvalCase[] = [];
  for (const file of blind) {
    const cases = readCases(file);
    all.push(...cases);
    console.log(`\n${report(score(cases), `Blind batch ${file} (now; first-contact figures are in ${BLIND_DIR}/HISTORY.md)`, showFailures)}`);
  }
  if (blind.length > 1) console.log(`\n${report(score(all), `All ${blind.length} blind batches`, false)}`);
}

main();
