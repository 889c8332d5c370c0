/**
 * Scores documents (FAQ entries, out-of-scope topics) against a question's concepts by IDF-weighted
 * overlap. Words the fuse.js corrector has already fixed arrive here as concepts (see analyze.ts).
 *
 * score = evidence * (COVERAGE_SHARE * coverage + (1 - COVERAGE_SHARE) * bestPhrasing)
 *  - coverage: how much of the question's weight the document's whole vocabulary explains; words the
 *    document lacks count against it, scaled by the unmatched penalty.
 *  - bestPhrasing: Dice overlap with the single closest phrasing (question or alternate).
 *  - evidence: a question that matches little weight, or only everyday words, cannot score high.
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
  score: number;
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
const ANCHOR_WEIGHT = 1.25;
const UNANCHORED_FACTOR = 0.7;

export type Idf = (concept: string) => number;

/** Most a word that says little about the topic ("help", "soon", "lady") can weigh. */
const GENERIC_WEIGHT = 1;
/** Most an everyday word that is not one of ours ("office", "boss") can weigh. */
const COMMON_WEIGHT = 2;

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
  return (concept) => {
    const d = df.get(concept);
    const weight = d === undefined ? rarest : Math.log(1 + n / d);
    if (classes.generic.has(concept)) return Math.min(weight, GENERIC_WEIGHT);
    if (classes.common.has(concept)) return Math.min(weight, COMMON_WEIGHT);
    return weight;
  };
}

/** What a document says in users' words: the basis of the word weights. */
export function vocabularyOf(doc: OverlapDoc<unknown>): Set<string> {
  return new Set([...doc.phrasings.flat(), ...doc.extras]);
}

interface Prepared<T> {
  item: T;
  vocabulary: ReadonlySet<string>;
  phrasings: { concepts: ReadonlySet<string>; weight: number }[];
}

export interface OverlapIndex<T> {
  /** All documents, best first. */
  score(questionConcepts: readonly string[]): Scored<T>[];
}

export function createOverlapIndex<T>(
  docs: readonly OverlapDoc<T>[],
  idf: Idf,
  unmatchedPenalty = DEFAULT_UNMATCHED_PENALTY,
): OverlapIndex<T> {
  const prepared: Prepared<T>[] = docs.map((doc) => ({
    item: doc.item,
    vocabulary: new Set([...vocabularyOf(doc), ...(doc.answerWords ?? [])]),
    phrasings: doc.phrasings.map((p) => {
      const set = new Set(p);
      let weight = 0;
      for (const c of set) weight += idf(c);
      return { concepts: set, weight };
    }),
  }));

  return {
    score(questionConcepts) {
      const weights = questionConcepts.map(idf);
      // In a long message the extra words are mostly context ("my boss asked if i was ok"), so each
      // counts for less.
      const penalty = unmatchedPenalty * Math.min(1, LONG_QUESTION_CONCEPTS / questionConcepts.length);
      const total = weights.reduce((a, b) => a + b, 0);
      if (total === 0) return prepared.map((p) => ({ item: p.item, score: 0 }));
      const results = prepared.map((doc) => {
        let matched = 0;
        let anchored = false;
        for (let i = 0; i < questionConcepts.length; i++) {
          if (!doc.vocabulary.has(questionConcepts[i]!)) continue;
          matched += weights[i]!;
          if (weights[i]! >= ANCHOR_WEIGHT) anchored = true;
        }
        const coverage = matched / (matched + penalty * (total - matched));
        let best = 0;
        for (const phrasing of doc.phrasings) {
          let shared = 0;
          for (let i = 0; i < questionConcepts.length; i++) {
            if (phrasing.concepts.has(questionConcepts[i]!)) shared += weights[i]!;
          }
          const dice = (2 * shared) / (total + phrasing.weight);
          if (dice > best) best = dice;
        }
        const evidence = Math.min(1, matched / EVIDENCE_WEIGHT);
        const score =
          Math.sqrt(evidence) * (anchored ? 1 : UNANCHORED_FACTOR) * (COVERAGE_SHARE * coverage + (1 - COVERAGE_SHARE) * best);
        return { item: doc.item, score };
      });
      return results.sort((a, b) => b.score - a.score);
    },
  };
}
