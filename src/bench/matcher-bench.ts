import { readFileSync } from 'node:fs';
import Fuse from 'fuse.js';
import { parseEvalFile } from '../eval/eval-case';
import type { Knowledge } from '../knowledge/knowledge-schema';
import { createMatcher } from '../matching/create-matcher';
import { formatStats, type LatencyStats, timeCalls } from './latency';

export interface MatcherBenchResult {
  matcher: LatencyStats;
  cold: LatencyStats;
  baseline: LatencyStats;
  lines: string[];
}

/**
 * The matcher against a naive fuse.js baseline (default options, main questions only), both in-process,
 * cycling through the dev set's questions.
 */
export function runMatcherBench(knowledge: Knowledge, questionsFile: string, iterations = 20_000): MatcherBenchResult {
  const questions = parseEvalFile(readFileSync(questionsFile, 'utf8'), questionsFile).map((c) => c.q);
  const matcher = createMatcher(knowledge);
  const baselineFuse = new Fuse(knowledge.entries, { keys: ['question'], includeScore: true });

  // The first pass is timed on its own (cold JIT, empty spelling cache); after it the figures are those
  // of a long-running bot.
  const cold = timeCalls(questions, questions.length, (q) => matcher.match(q));
  for (const q of questions) baselineFuse.search(q);
  const matcherStats = timeCalls(questions, iterations, (q) => matcher.match(q));
  const baseline = timeCalls(questions, iterations, (q) => baselineFuse.search(q));
  const ratio = matcherStats.perSecond / baseline.perSecond;
  return {
    matcher: matcherStats,
    cold,
    baseline,
    lines: [
      `Matcher, ${iterations.toLocaleString('en-US')} questions cycling through ${questions.length} of ${questionsFile}:`,
      formatStats('  aftercare matcher', matcherStats),
      formatStats('  naive fuse.js (questions only)', baseline),
      formatStats('  matcher, first (cold) pass', cold),
      `  throughput ratio matcher/baseline: ${ratio.toFixed(2)}x`,
    ],
  };
}
