import type { OutOfScopeTopic } from '../../src/knowledge/knowledge-schema';
import { singular } from '../../src/matching/analyze';
import {
  comparisonSpans,
  compileOutOfScopeTermHits,
  describesAppearance,
  otherCauseAt,
} from '../../src/matching/out-of-scope-terms';

const TOPIC: OutOfScopeTopic = {
  id: 'other-procedures',
  description: 'Other procedures.',
  terms: ['tattoo', 'chemical peel', 'results ... last'],
  examples: ['does a tattoo hurt'],
};
const hitsOfSingular = compileOutOfScopeTermHits([TOPIC]);
// The matcher hands over words with plurals folded.
const hitsOf = (words: string[]) => hitsOfSingular(words.map(singular));
const w = (text: string): string[] => text.split(' ');
const FOREIGN = new Set(['heating', 'apartment', 'nervous', 'eyebrows', 'waxed', 'tattoo']);
const isForeign = (word: string): boolean => FOREIGN.has(word);

describe('out-of-scope terms', () => {
  it('finds every term with its span, gaps included', () => {
    expect(hitsOf(w('do the results of it last')).map((h) => [h.start, h.end])).toEqual([[2, 6]]);
    expect(hitsOf(w('a tattoo or a chemical peel')).map((h) => [h.start, h.end])).toEqual([
      [1, 2],
      [4, 6],
    ]);
  });

  it('finds the comparison that only uses another thing as a yardstick', () => {
    const words = w('does it hurt more than a tattoo');
    expect(comparisonSpans(words, hitsOf(words), isForeign)).toEqual([[4, 7]]);
    const waxed = w('is it more painful than getting my eyebrows waxed');
    expect(comparisonSpans(waxed, hitsOf(waxed), isForeign)).toEqual([[4, 9]]);
  });

  it('ignores comparisons that name nothing foreign, and "like" used as a filler', () => {
    const words = w('i take more than one blood thinner');
    expect(comparisonSpans(words, hitsOf(words), isForeign)).toEqual([]);
    const filler = w('like does a tattoo hurt');
    expect(comparisonSpans(filler, hitsOf(filler), isForeign)).toEqual([]);
  });

  it('tells a description of the skin from a comparison', () => {
    expect(describesAppearance(w('it looks like a chemical peel'), 4)).toBe(true);
    expect(describesAppearance(w('is it like a chemical peel'), 4)).toBe(false);
  });

  it('finds a cause other than the treatment', () => {
    expect(otherCauseAt(w('my face is dry because of the heating'), isForeign)).toBe(7);
    expect(otherCauseAt(w('red and blotchy when im nervous'), isForeign)).toBe(5);
    expect(otherCauseAt(w('my skin is peeling from the treatment'), isForeign)).toBe(-1);
  });
});
