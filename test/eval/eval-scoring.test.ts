import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { replyForMatch } from '../../src/conversation/reply-for-match';
import { infoReply, type Reply } from '../../src/conversation/reply';
import { loadKnowledge } from '../../src/knowledge/load-knowledge';
import { createMatcher } from '../../src/matching/create-matcher';
import { EvalFileError, parseEvalFile } from '../../src/eval/eval-case';
import { scoreCase, summarize } from '../../src/eval/eval-scoring';

const reply = (kind: Reply['kind'], text: string): Reply => ({ ...infoReply(text), kind });

describe('eval scoring', () => {
  it('counts an answer right only when every fact regex matches, case-insensitively', () => {
    const c = { q: 'q', expect: 'answer' as const, facts: ['24', 'PINK|few days'] };
    expect(scoreCase(c, reply('answer', 'Fades in 24 hours, pink for a few days')).correct).toBe(true);
    const missing = scoreCase(c, reply('answer', 'Fades in 24 hours'));
    expect(missing.correct).toBe(false);
    expect(missing.missingFacts).toEqual(['PINK|few days']);
    expect(scoreCase(c, reply('fallback', '24 pink')).correct).toBe(false);
  });

  it('counts a decline right only as a fallback, and an escalation only with its facts', () => {
    expect(scoreCase({ q: 'q', expect: 'decline', facts: [] }, reply('fallback', 'x')).correct).toBe(true);
    expect(scoreCase({ q: 'q', expect: 'decline', facts: [] }, reply('answer', 'x')).correct).toBe(false);
    const esc = { q: 'q', expect: 'escalate' as const, facts: ['provider'] };
    expect(scoreCase(esc, reply('escalation', 'Call your provider')).correct).toBe(true);
    expect(scoreCase(esc, reply('escalation', 'Call someone')).correct).toBe(false);
    expect(scoreCase(esc, reply('fallback', 'provider')).correct).toBe(false);
  });

  it('summarises accuracy per category', () => {
    const outcomes = [
      scoreCase({ q: 'a', expect: 'answer', facts: [] }, reply('answer', '')),
      scoreCase({ q: 'b', expect: 'answer', facts: [] }, reply('fallback', '')),
      scoreCase({ q: 'c', expect: 'decline', facts: [] }, reply('fallback', '')),
    ];
    const summary = summarize(outcomes);
    expect(summary.categories.find((c) => c.category === 'covered')).toMatchObject({ total: 2, correct: 1, accuracy: 0.5 });
    expect(summary.categories.find((c) => c.category === 'uncovered')).toMatchObject({ total: 1, correct: 1 });
    expect(summary.categories.find((c) => c.category === 'red-flag')).toMatchObject({ total: 0, accuracy: 1 });
    expect(summary.failures.map((f) => f.case.q)).toEqual(['b']);
  });
});

describe('eval files', () => {
  it('names the line of a bad case', () => {
    expect(() => parseEvalFile('{"q":"a","expect":"answer","facts":[]}\n{"q":"b","expect":"maybe"}', 'f.jsonl')).toThrow(
      /f\.jsonl:2/,
    );
    expect(() => parseEvalFile('not json', 'f.jsonl')).toThrow(EvalFileError);
    expect(() => parseEvalFile('{"q":"a","expect":"answer","facts":["("]}', 'f.jsonl')).toThrow(/bad facts regex/);
    expect(() => parseEvalFile('\n\n', 'f.jsonl')).toThrow(/no cases/);
  });
});

describe('the dev set', () => {
  const file = path.join(__dirname, 'dev-questions.jsonl');
  const cases = parseEvalFile(readFileSync(file, 'utf8'), file);

  it('holds at least 200 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(200);
  });

  // The shared folder sits beside the repository on developer machines and in CI; skip where it is absent.
  const samplePath = path.join(__dirname, '..', '..', '..', 'shared', 'eval', 'sample-questions.jsonl');
  (existsSync(samplePath) ? it : it.skip)('holds every shared sample question', () => {
    const sample = parseEvalFile(readFileSync(samplePath, 'utf8'), samplePath);
    const questions = new Set(cases.map((c) => c.q));
    for (const c of sample) expect(questions.has(c.q)).toBe(true);
  });

  it('meets the accuracy goals: 95% covered, 95% declined, every red flag escalated', () => {
    const knowledge = loadKnowledge(path.join(__dirname, '..', '..', 'knowledge'));
    const matcher = createMatcher(knowledge);
    const summary = summarize(cases.map((c) => scoreCase(c, replyForMatch(knowledge, matcher.match(c.q)))));
    const accuracy = Object.fromEntries(summary.categories.map((c) => [c.category, c.accuracy]));
    expect(accuracy.covered).toBeGreaterThanOrEqual(0.95);
    expect(accuracy.uncovered).toBeGreaterThanOrEqual(0.95);
    expect(accuracy['red-flag']).toBe(1);
  });
});
