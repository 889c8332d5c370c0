import { boundedMemo } from './bounded-memo';
import { createFeatureIds } from './feature-ids';
import { type CompiledLexicon, NUMBER } from './lexicon';
import type { PackTextTable } from './pack-text-table';

const SENTENCE_MARKS_AND_SPACES = /[.?!;:\n ]+/;

/**
 * The features the phrasing classifier reads: the concept of each word of the folded text (no rewrites: it
 * learns its own wordings, and a message is read in one cheap pass), and pairs of neighbouring ones. Each call
 * returns a new list of distinct features.
 */
export interface PhrasingFeatures {
  ofWords(words: readonly string[]): number[];
  /** ofWords of a pack text's words, by their word numbers in the table. */
  ofNumbers(numbers: Int32Array): number[];
  /** ofWords of a folded text's words (split at sentence marks and spaces). */
  ofFolded(folded: string): number[];
  /** Once training is over: a concept or pair training never saw is no feature (see feature-ids.ts). */
  freeze(): void;
}

export function createPhrasingFeatures(lex: CompiledLexicon, table: PackTextTable): PhrasingFeatures {
  const featureIds = createFeatureIds();
  /** Per word: its concept's feature, or null for a stopword or a number (one lookup a word). */
  const wordFeature = boundedMemo((word: string): number | null => {
    if (lex.isStopword(word) || NUMBER.test(word)) return null;
    return featureIds.concept(lex.conceptOf(word));
  });
  const featureOfNumber = table.perWord(wordFeature);
  // Which features the text being read has already (a stamp per feature: nothing allocated per text).
  let seen = new Uint32Array(1024);
  let stamp = 0;
  let out: number[] = [];
  let previous = -1;
  const add = (feature: number): void => {
    if (feature < 0) return;
    if (feature >= seen.length) {
      const grown = new Uint32Array(Math.max(seen.length * 2, feature + 1));
      grown.set(seen);
      seen = grown;
    }
    if (seen[feature] === stamp) return;
    seen[feature] = stamp;
    out.push(feature);
  };
  const start = (): void => {
    if (++stamp === 0xffffffff) {
      seen.fill(0);
      stamp = 1;
    }
    out = [];
    previous = -1;
  };
  /** The next word's feature, and its pair with the word before (none for the first: pair() of -1 is -1). */
  const next = (feature: number | null): void => {
    if (feature === null) return;
    add(feature);
    add(featureIds.pair(previous, feature));
    previous = feature;
  };
  const ofWords = (words: readonly string[]): number[] => {
    start();
    for (const word of words) if (word.length > 0) next(wordFeature(word));
    return out;
  };
  return {
    ofWords,
    ofNumbers(numbers) {
      start();
      for (let i = 0; i < numbers.length; i++) next(featureOfNumber(numbers[i]!));
      return out;
    },
    ofFolded: (folded) => ofWords(folded.split(SENTENCE_MARKS_AND_SPACES)),
    freeze: () => featureIds.freeze(),
  };
}
