import path from 'node:path';
import { OUTLETS } from '../../src/knowledge/knowledge-schema';
import { loadKnowledge } from '../../src/knowledge/load-knowledge';
import { singular } from '../../src/matching/analyze';
import { normalize } from '../../src/matching/normalize';
import { compileOutOfScopeTerms } from '../../src/matching/out-of-scope-terms';
import { compileRedFlags } from '../../src/matching/red-flags';

const knowledge = loadKnowledge(path.join(__dirname, '..', '..', 'knowledge'));
const answerOf = (id: string): string => {
  const entry = knowledge.entries.find((e) => e.id === id);
  if (!entry) throw new Error(`no entry ${id}`);
  return entry.answer;
};

describe('the real knowledge pack', () => {
  it('loads, with at least 12 phrasings per entry and a short answer', () => {
    expect(knowledge.entries.length).toBeGreaterThanOrEqual(12);
    for (const entry of knowledge.entries) {
      expect(entry.alternates.length).toBeGreaterThanOrEqual(12);
      expect(entry.answer.length).toBeLessThan(400);
      for (const source of entry.sources) expect(OUTLETS).toContain(source);
    }
  });

  it("keeps the article's numbers and the words a reader looks for", () => {
    expect(answerOf('redness-how-long')).toMatch(/24 hours/);
    expect(answerOf('redness-how-long')).toMatch(/few days/);
    expect(answerOf('sunscreen-two-weeks')).toMatch(/sunscreen[\s\S]*two weeks/);
    expect(answerOf('pain-and-numbing')).toMatch(/numbing/);
    expect(answerOf('blood-thinners-bleeding-disorders')).toMatch(/doctor/);
    expect(answerOf('blood-thinners-bleeding-disorders')).toMatch(/thinners/);
    expect(answerOf('procedure-length')).toMatch(/10-20 minutes/);
    expect(answerOf('number-of-treatments')).toMatch(/4-6 treatments/);
    expect(answerOf('coconut-oil-for-dryness')).toMatch(/coconut oil/);
    expect(answerOf('avoid-exfoliating-products')).toMatch(/exfoliant/);
    expect(answerOf('peeling-and-shedding')).toMatch(/new skin/);
    expect(answerOf('why-get-microneedling')).toMatch(/collagen/);
    expect(answerOf('what-is-microneedling')).toMatch(/sterilized needles/);
  });

  it('credits the outlets the article credits', () => {
    const sourcesOf = (id: string) => knowledge.entries.find((e) => e.id === id)?.sources;
    expect(sourcesOf('what-is-microneedling')).toEqual(['Healthline']);
    expect(sourcesOf('why-get-microneedling')).toEqual(['WebMD']);
    expect(sourcesOf('blood-thinners-bleeding-disorders')).toEqual(['Medical News Today']);
    expect(sourcesOf('sunscreen-two-weeks')).toEqual(['Healthline']);
    expect(sourcesOf('number-of-treatments')).toEqual(['WebMD']);
    expect(sourcesOf('peeling-and-shedding')).toEqual(['NewBeauty']);
    expect(sourcesOf('redness-how-long')).toContain('NewBeauty');
    expect(sourcesOf('bleeding-normal')).toEqual(expect.arrayContaining(['NewBeauty', 'Medical News Today']));
  });

  it('has no out-of-scope term that catches an FAQ phrasing', () => {
    const termCheck = compileOutOfScopeTerms(knowledge.outOfScope);
    for (const entry of knowledge.entries) {
      for (const phrasing of [entry.question, ...entry.alternates]) {
        const caught = termCheck(normalize(phrasing).split(' ').map(singular));
        expect({ phrasing, caught: caught?.id ?? null }).toEqual({ phrasing, caught: null });
      }
    }
  });

  it('has no red-flag rule that fires on an FAQ phrasing', () => {
    const check = compileRedFlags(knowledge.redFlags);
    for (const entry of knowledge.entries) {
      for (const phrasing of [entry.question, ...entry.alternates]) {
        expect({ phrasing, fired: check([normalize(phrasing)])?.id ?? null }).toEqual({ phrasing, fired: null });
      }
    }
  });

  it('has safety texts that send people to their provider', () => {
    expect(knowledge.escalation).toMatch(/provider/);
    expect(knowledge.escalation).toMatch(/911|emergency/);
    expect(knowledge.fallback).toMatch(/provider/);
    expect(knowledge.disclaimer).toMatch(/not medical advice/);
  });

  it('plans check-ins for redness, peeling, sunscreen to day 14 and a final one', () => {
    const days = knowledge.checkins.map((c) => c.day);
    expect(days).toEqual([...days].sort((a, b) => a - b));
    expect(knowledge.checkins.find((c) => c.topic === 'redness')?.day).toBe(1);
    expect(knowledge.checkins.some((c) => c.topic === 'peeling')).toBe(true);
    expect(knowledge.checkins.filter((c) => c.topic === 'sunscreen').length).toBeGreaterThanOrEqual(2);
    const final = knowledge.checkins.find((c) => c.topic === 'final');
    expect(final?.day).toBe(14);
    expect(final?.message).toMatch(/4-6 treatments/);
    const worse = knowledge.checkins.flatMap((c) => c.options).filter((o) => o.id.includes('worse'));
    expect(worse.length).toBeGreaterThan(0);
    for (const option of worse) expect(option.escalate).toBe(true);
  });
});
