import { createPhrasingIndex } from './phrasing-index';

/**
 * Scores documents (FAQ entries, out-of-scope topics) against a question's concepts.
 *
 * score = sqrt(evidence) * anchor * (COVERAGE_SHARE * coverage + (1 - COVERAGE_SHARE) * similarity)
 *  - similarity: fuse.js over the document's phrasings (see phrasing-index.ts): Dice similarity with
 *    the closest phrasing (question, alternate or example).
 *  - coverage: how much of the question's weight the document's whole vocabulary (phrasings, tags,
 *    answer) explains; words the document lacks count against it, scaled by the unmatched penalty.
 *  - evidence: a question that matches little weight cannot score high; anchor: a match made only of
 *    everyday words is scaled down.
 */
export interface OverlapDoc<T> {
  item: T;
  /** Concept lists of the phrasings a user might type (question, alternates, examples). */
  phrasings: string[][];
  /** Concepts that count for coverage but are not phrasings (tags, descriptions). */
  extras: string[];
  /**
   * Concepts of the answer text: they count for coverage but not for word weights, so a word that an
   * answer happens to use ("it shows new skin is forming") does not become a strong signal.
   */
  answerWords?: string[];
}

export interface Scored<T> {
  item: T;
  /** Position of the document in the list the index was built from. */
  index: number;
  score: number;
  /** Fuse similarity of the closest phrasing. */
  similarity: number;
  /** Share (0..1) of the question's weight the document explains. */
  explained: number;
  /** The question's concepts the document explains. */
  shared: string[];
}

const COVERAGE_SHARE = 0.5;
/** How much a question word the document lacks counts against it (chatty questions carry extra words). */
export const DEFAULT_UNMATCHED_PENALTY = 0.6;
/** From this many concepts on, a question counts as long and its unmatched words weigh less. */
const LONG_QUESTION_CONCEPTS = 8;
/** Weight a question must match to count as full evidence: about one topic word and an everyday one. */
const EVIDENCE_WEIGHT = 2.4;
/**
 * A match with no word weighing more than an everyday word ("can i go to the office the day after"
 * shares only "day" and "after") is scaled down by UNANCHORED_FACTOR.
 */
export const ANCHOR_WEIGHT = 1.25;
const UNANCHORED_FACTOR = 0.7;

export type Idf = (concept: string) => number;

/** Most a word that says little about the topic ("help", "soon", "lady") can weigh. */
const GENERIC_WEIGHT = 1;
/** Most an everyday word that is not one of ours ("office", "boss") can weigh. */
const COMMON_WEIGHT = 1.5;

export interface WordClasses {
  /** Concepts that say little about any topic. */
  generic: ReadonlySet<string>;
  /** Other everyday concepts. */
  common: ReadonlySet<string>;
}

/**
 * IDF over every document's vocabulary, capped for everyday words (an alternate using "help" must not
 * make "help" a strong signal). A concept no document has and that is not everyday English ("coffee",
 * "taxes") gets the rarest weight: such words are what make a question about something else.
 */
export function computeIdf(vocabularies: readonly ReadonlySet<string>[], classes: WordClasses): Idf {
  const df = new Map<string, number>();
  for (const vocab of vocabularies) for (const c of vocab) df.set(c, (df.get(c) ?? 0) + 1);
  const n = vocabularies.length;
  const rarest = Math.log(1 + n);
  const cache = new Map<string, number>();
  return (concept) => {
    const cached = cache.get(concept);
    if (cached !== undefined) return cached;
    const d = df.get(concept);
    let weight = d === undefined ? rarest : Math.log(1 + n / d);
    if (classes.generic.has(concept)) weight = Math.min(weight, GENERIC_WEIGHT);
    else if (classes.common.has(concept)) weight = Math.min(weight, COMMON_WEIGHT);
    if (cache.size < 50_000) cache.set(concept, weight);
    return weight;
  };
}

/** What a document says in users' words: the basis of the word weights. */
export function vocabularyOf(doc: OverlapDoc<unknown>): Set<string> {
  return new Set([...doc.phrasings.flat(), ...doc.extras]);
}

/**
 * How central each concept is to a document: the share of its phrasings that use it. "thinner" is in
 * most ways of asking about blood thinners, "doctor" in one; a concept rarely used to ask about a topic
 * cannot, alone, be what a question about that topic turns on.
 */
export function salienceOf(doc: OverlapDoc<unknown>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const phrasing of doc.phrasings) for (const c of new Set(phrasing)) counts.set(c, (counts.get(c) ?? 0) + 1);
  const n = Math.max(1, doc.phrasings.length);
  return new Map([...counts].map(([c, k]) => [c, k / n]));
}

export interface OverlapIndex<T> {
  /** All documents, best first. `weights` are the question concepts' idf weights. */
  score(questionConcepts: readonly string[], weights: readonly number[]): Scored<T>[];
}

export function createOverlapIndex<T>(
  docs: readonly OverlapDoc<T>[],
  idf: Idf,
  unmatchedPenalty = DEFAULT_UNMATCHED_PENALTY,
  isKnownWord?: (concept: string) => boolean,
): OverlapIndex<T> {
  const vocabularies = docs.map((doc) => new Set([...vocabularyOf(doc), ...(doc.answerWords ?? [])]));
  const phrasings = createPhrasingIndex(
    docs.map((d) => d.phrasings),
    idf,
    isKnownWord,
  );

  return {
    score(questionConcepts, weights) {
      // In a long message the extra words are mostly context ("my boss asked if i was ok"), so each
      // counts for less.
      const penalty = unmatchedPenalty * Math.min(1, LONG_QUESTION_CONCEPTS / Math.max(1, questionConcepts.length));
      const total = weights.reduce((a, b) => a + b, 0);
      const similarities = phrasings.similarities(questionConcepts, weights);
      const results = docs.map((doc, index): Scored<T> => {
        if (total === 0) return { item: doc.item, index, score: 0, similarity: 0, explained: 0, shared: [] };
        const vocabulary = vocabularies[index]!;
        let matched = 0;
        let anchored = false;
        const shared: string[] = [];
        for (let i = 0; i < questionConcepts.length; i++) {
          if (!vocabulary.has(questionConcepts[i]!)) continue;
          shared.push(questionConcepts[i]!);
          matched += weights[i]!;
          if (weights[i]! >= ANCHOR_WEIGHT) anchored = true;
        }
        const coverage = matched / (matched + penalty * (total - matched));
        const similarity = similarities[index]!;
        const evidence = Math.min(1, matched / EVIDENCE_WEIGHT);
        const score =
          Math.sqrt(evidence) * (anchored ? 1 : UNANCHORED_FACTOR) * (COVERAGE_SHARE * coverage + (1 - COVERAGE_SHARE) * similarity);
        return { item: doc.item, index, score, similarity, explained: matched / total, shared };
      });
      return results.sort((a, b) => b.score - a.score);
    },
  };
}
