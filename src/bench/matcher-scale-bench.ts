import { readFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseEvalFile } from '../eval/eval-case';
import { loadKnowledge, loadKnowledgeInSlices } from '../knowledge/load-knowledge';
import type { FaqEntry, Knowledge } from '../knowledge/knowledge-schema';
import { createMatcher, createMatcherInSlices } from '../matching/create-matcher';
import { formatStats, timeCalls } from './latency';

/** A pack of `size` entries: the real entries' phrasings, each copy with a made-up subject word of its own. */
export function generatedPack(knowledge: Knowledge, size: number): Knowledge {
  const entries: FaqEntry[] = [];
  for (let i = 0; i < size; i++) {
    const base = knowledge.entries[i % knowledge.entries.length]!;
    const subject = `zub${i.toString(36)}`;
    entries.push({
      ...base,
      id: `${base.id}-${i}`,
      question: `${base.question} ${subject}`,
      alternates: base.alternates.map((a) => `${a} ${subject}`),
    });
  }
  // Labelled questions of the real entries name ids the generated pack does not have: only the declined and
  // the warning signs stay.
  return { ...knowledge, entries, phrasings: {}, labelled: { ...knowledge.labelled, answered: {} } };
}

const LONG_SENTENCES = [
  'So I had my first session last week and my sister came with me.',
  'The clinic was nice and the lady explained everything twice.',
  'Honestly I was nervous the whole time but it went fine.',
  'How long will I stay red after microneedling?',
  'Also is peeling normal on day three?',
];
/** A message of about `chars` characters: story sentences with questions among them. */
export function longMessage(chars: number): string {
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < chars; i++) {
    const s = LONG_SENTENCES[i % LONG_SENTENCES.length]!;
    parts.push(s);
    length += s.length + 1;
  }
  return parts.join(' ').slice(0, chars);
}

/** Matcher build time, per-question latency and long messages, on the real pack and a generated large one. */
export function runMatcherScaleBench(knowledge: Knowledge, questionsFile: string, largeSize = 2_000): string[] {
  const questions = parseEvalFile(readFileSync(questionsFile, 'utf8'), questionsFile).map((c) => c.q);
  const lines: string[] = [];
  for (const [label, pack] of [
    [`shipped pack (${knowledge.entries.length} entries)`, knowledge],
    [`generated pack (${largeSize.toLocaleString('en-US')} entries)`, generatedPack(knowledge, largeSize)],
  ] as const) {
    const started = process.hrtime.bigint();
    const matcher = createMatcher(pack);
    const buildMs = Number(process.hrtime.bigint() - started) / 1e6;
    timeCalls(questions, questions.length, (q) => matcher.match(q));
    const perQuestion = timeCalls(questions, 10_000, (q) => matcher.match(q));
    const long2k = [longMessage(2_000)];
    const long20k = [longMessage(20_000)];
    // Untimed first calls, as the questions get a first pass above: the figures are a running bot's, not the
    // first long message's compiling of the code paths only long messages take.
    timeCalls(long2k, 100, (q) => matcher.match(q));
    timeCalls(long20k, 10, (q) => matcher.match(q));
    lines.push(`Matcher at scale, ${label}: build ${buildMs.toFixed(0)} ms`);
    lines.push(formatStats('  questions (dev set)', perQuestion));
    lines.push(formatStats('  2,000-character messages', timeCalls(long2k, 1_000, (q) => matcher.match(q))));
    lines.push(formatStats('  20,000-character messages', timeCalls(long20k, 100, (q) => matcher.match(q))));
  }
  return lines;
}

/**
 * A knowledge reload reads and validates the files, then builds the matcher, both in slices (loadKnowledgeInSlices,
 * createMatcherInSlices): how long it takes, and the longest the event loop (a reply waiting) was held meanwhile,
 * on the real pack and (the build alone) on a generated large one.
 */
export async function runKnowledgeReloadBench(knowledgeDir: string, largeSize = 2_000): Promise<string[]> {
  const lines: string[] = [];
  const held = async (label: string, work: () => Promise<unknown>): Promise<void> => {
    const delay = monitorEventLoopDelay({ resolution: 1 });
    delay.enable();
    const started = process.hrtime.bigint();
    await work();
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    delay.disable();
    lines.push(`Knowledge reload, ${label} in ${ms.toFixed(0)} ms in slices; event loop held at most ${(delay.max / 1e6).toFixed(0)} ms (p99 ${(delay.percentile(99) / 1e6).toFixed(0)} ms)`);
  };
  const knowledge = loadKnowledge(knowledgeDir);
  await held(`shipped pack (${knowledge.entries.length} entries): files read and matcher built`, async () =>
    createMatcherInSlices(await loadKnowledgeInSlices(knowledgeDir)),
  );
  const large = generatedPack(knowledge, largeSize);
  await held(`generated pack (${largeSize.toLocaleString('en-US')} entries): matcher built`, () => createMatcherInSlices(large));
  return lines;
}
