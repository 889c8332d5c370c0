import Fuse from 'fuse.js';

export interface SpellingCorrectorOptions {
  /** Highest fuse.js score (0 = exact, 1 = nothing alike) accepted as a correction. */
  maxScore?: number;
  /** Words shorter than this are never corrected: too many real words sit one letter apart. */
  minLength?: number;
  /** Folds a word's forms together, so a known word in another form is not taken for a typo. */
  stem?: (word: string) => string;
}

export type SpellingCorrector = (word: string) => string;

/**
 * Edits (insert, delete, substitute, swap two neighbours) between two words, counted up to `max`:
 * anything further returns max + 1. For telling a typo (one slip) from another word.
 */
export function editDistance(a: string, b: string, max = 2): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prevPrev: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prevPrev[j - 2]! + 1);
      row.push(d);
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > max) return max + 1;
    prevPrev = prev;
    prev = row;
  }
  return Math.min(prev[b.length]!, max + 1);
}

const CACHE_LIMIT = 20_000;

/**
 * Corrects a misspelt word to the closest word of the knowledge pack's vocabulary, using fuse.js.
 * One small fuse index per first letter (typos rarely hit the first letter, and a small index keeps each
 * first-time lookup well under a millisecond); results are cached, so a repeated word costs a Map lookup.
 * Words that are already known (vocabulary, stopwords, common English) are returned unchanged.
 */
export function createSpellingCorrector(
  vocabulary: Iterable<string>,
  known: ReadonlySet<string>,
  options: SpellingCorrectorOptions = {},
): SpellingCorrector {
  const stem = options.stem ?? ((w: string) => w);
  // A known word in another form ("talking" when "talk" is known) is not a typo either.
  const knownStems = new Set([...known].map(stem));
  const maxScore = options.maxScore ?? 0.25;
  const minLength = options.minLength ?? 5;
  const byLetter = new Map<string, string[]>();
  for (const word of new Set(vocabulary)) {
    if (word.length < 4 || /\d/.test(word)) continue;
    const bucket = byLetter.get(word[0]!) ?? [];
    bucket.push(word);
    byLetter.set(word[0]!, bucket);
  }
  // `threshold` only bounds fuse's search; the cut-off that matters is the score filter below.
  const indexes = new Map<string, Fuse<string>>();
  for (const [letter, words] of byLetter) {
    indexes.set(letter, new Fuse(words, { includeScore: true, ignoreLocation: true, ignoreFieldNorm: true, threshold: 0.4 }));
  }
  const cache = new Map<string, string>();

  return (word: string): string => {
    // Every answer is remembered, a known word's too: a message asks about each word several times.
    const cached = cache.get(word);
    if (cached !== undefined) return cached;
    const fuse = indexes.get(word[0]!);
    let best = word;
    const leaveAlone = word.length < minLength || known.has(word) || knownStems.has(stem(word)) || /\d/.test(word);
    if (!leaveAlone && fuse && word.length <= 32) {
      let bestRank = Number.POSITIVE_INFINITY;
      for (const hit of fuse.search(word, { limit: 8 })) {
        const score = hit.score ?? 1;
        const lengthGap = Math.abs(hit.item.length - word.length);
        if (score > maxScore || lengthGap > 2) continue;
        // Prefer the closest score, then the closest length ("peelng" -> "peeling", not "peel").
        const rank = score + lengthGap * 0.01;
        if (rank < bestRank) {
          bestRank = rank;
          best = hit.item;
        }
      }
    }
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(word, best);
    return best;
  };
}
