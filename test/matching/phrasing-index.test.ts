import { createPhrasingIndex } from '../../src/matching/phrasing-index';

// Two tiny "entries", as concept lists of their phrasings.
const ENTRIES = [
  [
    ['sunscreen', 'after'],
    ['sun', 'exposure'],
  ],
  [
    ['moisturize', 'dry'],
    ['coconut', 'oil'],
  ],
];
const weight = (): number => 1;
const sims = (concepts: string[], isKnown?: (c: string) => boolean): number[] => [
  ...createPhrasingIndex(ENTRIES, weight, isKnown).similarities(
    concepts,
    concepts.map(() => 1),
  ),
];

describe('phrasing index (fuse.js over the phrasings)', () => {
  it('gives an entry the similarity of its closest phrasing', () => {
    expect(sims(['coconut', 'oil'])).toEqual([0, 1]);
    expect(sims(['coconut'])[1]).toBeCloseTo(2 / 3);
  });

  it('matches whole concepts only: "sun" does not count inside "sunscreen"', () => {
    const [sunEntry] = sims(['sun']);
    expect(sunEntry).toBeCloseTo(2 / 3); // from "sun exposure", not from "sunscreen after"
    expect(sims(['screen'])).toEqual([0, 0]);
  });

  it('forgives a stray letter in a long word, for less than an exact match', () => {
    const fuzzy = sims(['moisturise'])[1]!;
    expect(fuzzy).toBeGreaterThan(0);
    expect(fuzzy).toBeLessThan(sims(['moisturize'])[1]!);
  });

  it('never fuzzy-matches short words or words known to be something else', () => {
    expect(sims(['dri'])).toEqual([0, 0]);
    expect(sims(['moisturise'], (c) => c === 'moisturise')).toEqual([0, 0]);
  });

  it('scores nothing for an empty question', () => {
    expect(sims([])).toEqual([0, 0]);
  });
});
