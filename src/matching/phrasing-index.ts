import Fuse from 'fuse.js';

/**
 * fuse.js over the entries' phrasings (each entry's question and alternates), normalised and folded to
 * concepts. A question is scored one concept at a time: fuse finds the phrasing words that match the
 * concept (exactly, or fuzzily at a discount when a stray letter survived the spelling corrector), every
 * phrasing holding such a word collects the concept's weight, and each phrasing's total becomes a Dice
 * similarity with the question. An entry's similarity is that of its closest phrasing.
 *
 * Fuse searches the distinct words of all phrasings (a few hundred short strings) rather than each
 * phrasing's full text: a concept must match a whole phrasing word anyway ("sun" must not count inside
 * "sunscreen"), so the hits are the same, and the search is an order of magnitude cheaper. A concept's
 * hits do not depend on the question, so they are cached: a long-running bot pays fuse's search once per
 * distinct word.
 */
export interface PhrasingIndex {
  /** Similarity 0..1 of each entry (by position) to the question's concepts, given each concept's weight. */
  similarities(questionConcepts: readonly string[], weights: readonly number[]): Float64Array;
}

/** Highest fuse score (0 = exact) for a fuzzy word match: a word of 7+ letters may be one letter off. */
export const MAX_FUZZY_SCORE = 0.15;
/** A fuzzy hit earns 1 - FUZZY_DISCOUNT * its fuse score of the concept's weight. */
const FUZZY_DISCOUNT = 2;
/** Concepts shorter than this only match exactly: too many short words sit one letter apart. */
const MIN_FUZZY_LENGTH = 6;
const CACHE_LIMIT = 20_000;

interface Hit {
  /** Phrasings (by record number) that hold the matched word. */
  records: readonly number[];
  /** 1 for the exact word, less for a fuzzy one. */
  credit: number;
}

export function createPhrasingIndex(
  phrasingsByEntry: readonly (readonly string[][])[],
  weightOf: (concept: string) => number,
  /** Concepts known to be other words (everyday English): never fuzzy-matched ("wedding" is not a typo). */
  isKnownWord: (concept: string) => boolean = () => false,
): PhrasingIndex {
  const entryOf: number[] = [];
  const recordWeight: number[] = [];
  const recordsOf = new Map<string, number[]>();
  phrasingsByEntry.forEach((phrasings, entry) => {
    for (const concepts of phrasings) {
      const distinct = [...new Set(concepts)];
      if (distinct.length === 0) continue;
      const record = entryOf.length;
      entryOf.push(entry);
      recordWeight.push(distinct.reduce((sum, c) => sum + weightOf(c), 0));
      for (const c of distinct) recordsOf.set(c, [...(recordsOf.get(c) ?? []), record]);
    }
  });
  const words = [...recordsOf.keys()];
  // `threshold` only bounds fuse's own search; the cut-off that counts is the score filter in hitsOf.
  const fuse = new Fuse(words, {
    includeScore: true,
    ignoreLocation: true,
    ignoreFieldNorm: true,
    threshold: MAX_FUZZY_SCORE,
    shouldSort: false,
  });
  const cache = new Map<string, readonly Hit[]>();

  const hitsOf = (concept: string): readonly Hit[] => {
    const exact = recordsOf.get(concept);
    if (exact) return [{ records: exact, credit: 1 }];
    if (concept.length < MIN_FUZZY_LENGTH || concept.length > 32 || isKnownWord(concept)) return [];
    const cached = cache.get(concept);
    if (cached) return cached;
    const hits: Hit[] = [];
    for (const result of fuse.search(concept)) {
      const score = result.score ?? 1;
      // Whole words only: the match must span about the whole phrasing word.
      if (score > MAX_FUZZY_SCORE || Math.abs(result.item.length - concept.length) > 1) continue;
      hits.push({ records: recordsOf.get(result.item)!, credit: 1 - FUZZY_DISCOUNT * score });
    }
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(concept, hits);
    return hits;
  };

  const recordCount = entryOf.length;
  const shared = new Float64Array(recordCount);
  const entryCount = phrasingsByEntry.length;

  return {
    similarities(questionConcepts, weights) {
      const out = new Float64Array(entryCount);
      let total = 0;
      for (const w of weights) total += w;
      if (total === 0) return out;
      shared.fill(0);
      for (let i = 0; i < questionConcepts.length; i++) {
        for (const hit of hitsOf(questionConcepts[i]!)) {
          const gain = weights[i]! * hit.credit;
          for (const r of hit.records) shared[r]! += gain;
        }
      }
      for (let r = 0; r < recordCount; r++) {
        if (shared[r] === 0) continue;
        const dice = (2 * shared[r]!) / (total + recordWeight[r]!);
        const entry = entryOf[r]!;
        if (dice > out[entry]!) out[entry] = dice;
      }
      return out;
    },
  };
}
