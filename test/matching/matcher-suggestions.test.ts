import type { MatchResult } from '../../src/matching/match-result';
import { realMatcher } from './matcher-helpers';

const suggestionsOf = (r: MatchResult): string[] => (r.kind === 'escalation' ? [] : r.suggestions.map((e) => e.id));

describe('matcher: did-you-mean suggestions', () => {
  it('offers the close runner-up when two entries fit', () => {
    // Dryness is both the tight/dry entry and the coconut-oil entry.
    const result = realMatcher().matcher.match('dry skin after microneedling');
    expect(result.kind).toBe('answer');
    const ids = [result.kind === 'answer' ? result.entry.id : '', ...suggestionsOf(result)];
    expect(ids).toEqual(expect.arrayContaining(['skin-tight-dry-rough', 'coconut-oil-for-dryness']));
  });

  it('never suggests the answer itself, and at most three entries', () => {
    const { knowledge, matcher } = realMatcher();
    for (const entry of knowledge.entries) {
      for (const q of [entry.question, ...entry.alternates]) {
        const result = matcher.match(q);
        const ids = suggestionsOf(result);
        expect(ids.length).toBeLessThanOrEqual(3);
        if (result.kind === 'answer') expect(ids).not.toContain(result.entry.id);
      }
    }
  });

  it('offers suggestions on a vague low-confidence decline', () => {
    const result = realMatcher().matcher.match('peeling day 3');
    expect(result.kind === 'answer' || suggestionsOf(result).includes('peeling-and-shedding')).toBe(true);
  });

  it('offers nothing for an off-topic question', () => {
    const result = realMatcher().matcher.match('tell me a joke');
    expect(result.kind).toBe('decline');
    expect(suggestionsOf(result)).toEqual([]);
  });
});
