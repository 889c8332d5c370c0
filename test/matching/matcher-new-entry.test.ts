import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { replyForMatch } from '../../src/conversation/reply-for-match';
import { type EvalCase, parseEvalFile } from '../../src/eval/eval-case';
import { summarize, scoreCase } from '../../src/eval/eval-scoring';
import type { Knowledge } from '../../src/knowledge/knowledge-schema';
import { loadKnowledge } from '../../src/knowledge/load-knowledge';
import { createMatcher } from '../../src/matching/create-matcher';
import { copyKnowledge, editFaq } from '../support/knowledge-copy';

// A clinic adds an entry on a topic the shipped pack declines (makeup after treatment), with the minimum
// of 8 alternates, and nothing else: no lexicon edit, no out-of-scope edit. Fresh phrasings, written for
// this test and found nowhere in the pack, must reach it.
const MAKEUP_ENTRY = {
  id: 'makeup-after-treatment',
  question: 'When can I wear makeup after microneedling?',
  alternates: [
    'can i wear makeup after microneedling',
    'how soon can i put on makeup',
    'is it ok to wear foundation after the treatment',
    'when can i use concealer again',
    'can i put makeup on the next day',
    'should i avoid makeup after my session',
    'is mineral makeup ok after microneedling',
    'how long should i wait before wearing makeup',
  ],
  answer: 'Our clinic asks you to keep makeup off for at least 24 hours after treatment.',
  sources: ['Healthline'],
  tags: ['makeup'],
};

const FRESH_PHRASINGS = [
  'am i allowed to put foundation on tomorrow morning',
  'when is it safe to go back to my usual makeup routine',
  'can i cover the redness with concealer',
  'my wedding is two days after, will i be able to do my makeup',
  'is tinted moisturizer ok or does that count as makeup',
  'how many hours before i can wear mascara and foundation',
  'do i have to skip makeup for work tomorrow',
  'makeup after microneedling yes or no?',
  'can i wear bb cream the day after',
  'I have a zoom call tomorrow, can I put some makeup on after my session today?',
];

describe('a new entry added by a clinic', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'new-entry-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('answers at least 9 of 10 fresh phrasings of its topic with the new entry', () => {
    const knowledgeDir = copyKnowledge(dir);
    editFaq(knowledgeDir, (doc) => {
      doc.entries.push(MAKEUP_ENTRY);
    });
    const matcher = createMatcher(loadKnowledge(knowledgeDir));
    const answered = FRESH_PHRASINGS.filter((q) => {
      const r = matcher.match(q);
      return r.kind === 'answer' && r.entry.id === MAKEUP_ENTRY.id;
    });
    expect(FRESH_PHRASINGS.filter((q) => !answered.includes(q))).toEqual(expect.any(Array));
    expect(answered.length).toBeGreaterThanOrEqual(9);
  });

  it('is reached by its own question and every alternate', () => {
    const knowledgeDir = copyKnowledge(dir);
    editFaq(knowledgeDir, (doc) => {
      doc.entries.push(MAKEUP_ENTRY);
    });
    const matcher = createMatcher(loadKnowledge(knowledgeDir));
    for (const q of [MAKEUP_ENTRY.question, ...MAKEUP_ENTRY.alternates]) {
      const r = matcher.match(q);
      expect({ q, got: r.kind === 'answer' ? r.entry.id : r.kind }).toEqual({ q, got: MAKEUP_ENTRY.id });
    }
  });

  it('moves no other eval figure (dev set, blind batches) by more than 1 point', () => {
    const knowledgeDir = copyKnowledge(dir);
    editFaq(knowledgeDir, (doc) => {
      doc.entries.push(MAKEUP_ENTRY);
    });
    // Questions about makeup are the new entry's to answer now: they are not "other" figures.
    const aboutMakeup = /make ?up|foundation|concealer|mascara|lipstick|bb cream|tinted|cosmetic|eyeliner|blush|powder/i;
    const files = ['test/eval/dev-questions.jsonl', ...readdirSync('test/eval/blind').filter((f) => f.endsWith('.jsonl')).map((f) => `test/eval/blind/${f}`)];
    const sets = files.map((f) => parseEvalFile(readFileSync(f, 'utf8'), f).filter((c) => !aboutMakeup.test(c.q)));
    const figures = (knowledge: Knowledge, cases: EvalCase[]) => {
      const matcher = createMatcher(knowledge);
      return summarize(cases.map((c) => scoreCase(c, replyForMatch(knowledge, matcher.match(c.q))))).categories.map((c) => ({ category: c.category, accuracy: c.accuracy }));
    };
    const before = loadKnowledge(copyKnowledge(mkdtempSync(path.join(dir, 'before-'))));
    const after = loadKnowledge(knowledgeDir);
    for (const cases of [sets[0]!, sets.slice(1).flat()]) {
      const was = figures(before, cases);
      const now = figures(after, cases);
      now.forEach((fig, i) => {
        expect({ category: fig.category, fellByAtMostOnePoint: was[i]!.accuracy - fig.accuracy <= 0.01 }).toEqual({ category: fig.category, fellByAtMostOnePoint: true });
      });
    }
  });
});
