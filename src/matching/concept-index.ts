import { type BuildSteps, runToEnd } from './build-steps';

/**
 * Classes (FAQ entries and out-of-scope topics) learned from their phrasings: how much each concept says
 * about each class, and an inverted index from concepts to the classes that use them, so a question is
 * scored against its candidates only. Built in time linear in the phrasings.
 */

export interface ClassDoc<T> {
  item: T;
  /** Each phrasing's distinct concepts. */
  phrasings: string[][];
}

export interface Scored<T> {
  item: T;
  index: number;
  /** Evidence summed over the question's concepts. */
  score: number;
  /** Cosine similarity (0..1) with the class's nearest phrasing. */
  nearest: number;
  /** Question concepts this class uses, strongest first. */
  shared: string[];
}

export interface ConceptIndex<T> {
  /**
   * Top `limit` classes by evidence for the weighted concepts; their nearest phrasing is judged on
   * `near` (default: the same concepts).
   */
  score(concepts: readonly string[], weights: readonly number[], limit: number, near?: readonly string[], nearWeights?: readonly number[]): Scored<T>[];
  /** Share of the class's phrasings that use the concept (0..1). */
  share(index: number, concept: string): number;
  /** The concepts the class's phrasings use, with their shares (see share). */
  shares(index: number): ReadonlyMap<string, number>;
  /** Weight of a concept across all classes: high when few classes use it. */
  idf(concept: string): number;
  /** Whether any class's phrasings use the concept. */
  knows(concept: string): boolean;
  /** The class whose phrasings use the concept most (its home), or -1. */
  homeOf(concept: string): number;
  /** Cosine similarity of two classes' concept profiles (0..1). */
  similarity(a: number, b: number): number;
}

/**
 * The `limit` classes with the highest totals, highest first; among equal totals the one listed first in
 * `order` comes first (as a stable sort of `order` would give). Linear in `order` for a small limit.
 */
function topK(order: readonly number[], totals: Float64Array, limit: number): number[] {
  const top: number[] = [];
  for (const k of order) {
    const v = totals[k]!;
    if (top.length >= limit && v <= totals[top[top.length - 1]!]!) continue;
    let at = top.length;
    while (at > 0 && totals[top[at - 1]!]! < v) at--;
    top.splice(at, 0, k);
    if (top.length > limit) top.pop();
  }
  return top;
}

/**
 * The concepts in order of their weights, highest first, equal ones in the order given (as a stable sort would
 * give); sorts both lists in place. A question's few concepts: insertion, without the work copy a sort allocates.
 */
function strongestFirst(concepts: string[], weights: number[]): string[] {
  for (let i = 1; i < weights.length; i++) {
    const weight = weights[i]!;
    const concept = concepts[i]!;
    let j = i - 1;
    while (j >= 0 && weights[j]! < weight) {
      weights[j + 1] = weights[j]!;
      concepts[j + 1] = concepts[j]!;
      j--;
    }
    weights[j + 1] = weight;
    concepts[j + 1] = concept;
  }
  return concepts;
}

/** A class "uses" a concept strongly once this share of its phrasings has it (for the idf). */
const STRONG_SHARE = 0.25;

/**
 * `conceptWeight` scales a concept in phrasing similarity the way the matcher scales it in a question
 * (everyday words count less), so a question identical to a phrasing has similarity 1.
 */
export function createConceptIndex<T>(docs: readonly ClassDoc<T>[], conceptWeight: (concept: string) => number = () => 1): ConceptIndex<T> {
  return runToEnd(createConceptIndexSteps(docs, conceptWeight));
}

/** The same as build steps (see build-steps.ts), a class at a time. */
export function* createConceptIndexSteps<T>(docs: readonly ClassDoc<T>[], conceptWeight: (concept: string) => number = () => 1): BuildSteps<ConceptIndex<T>> {
  const shares: Array<Map<string, number>> = [];
  const spread = new Map<string, number>();
  // Each loop's body is a small function: V8 optimises it at once, not only with the whole generator.
  const readDoc = (doc: ClassDoc<T>): void => {
    const df = new Map<string, number>();
    for (const phrasing of doc.phrasings) for (const c of phrasing) df.set(c, (df.get(c) ?? 0) + 1);
    const share = new Map<string, number>();
    const n = Math.max(1, doc.phrasings.length);
    for (const [c, count] of df) {
      const s = count / n;
      share.set(c, s);
      spread.set(c, (spread.get(c) ?? 0) + Math.min(1, s / STRONG_SHARE));
    }
    shares.push(share);
  };
  for (const doc of docs) {
    yield;
    readDoc(doc);
  }
  const classes = Math.max(1, docs.length);
  const idfCache = new Map<string, number>();
  const idf = (c: string): number => {
    let v = idfCache.get(c);
    if (v === undefined) {
      v = Math.log(1 + classes / (1 + (spread.get(c) ?? 0)));
      idfCache.set(c, v);
    }
    return v;
  };
  // concept -> the classes that use it and the evidence each gets (parallel arrays, in class order)
  const lists = new Map<string, { classes: number[]; weights: number[] }>();
  const post = (k: number, share: ReadonlyMap<string, number>): void => {
    for (const [c, s] of share) {
      let list = lists.get(c);
      if (list === undefined) {
        list = { classes: [], weights: [] };
        lists.set(c, list);
      }
      list.classes.push(k);
      list.weights.push(Math.sqrt(s) * idf(c));
    }
  };
  for (const [k, share] of shares.entries()) {
    yield;
    post(k, share);
  }
  const postings = new Map([...lists].map(([c, l]) => [c, { classes: Int32Array.from(l.classes), weights: Float64Array.from(l.weights) }]));
  const homes = new Map<string, number>();
  const totals = new Float64Array(docs.length);
  const touched = new Uint8Array(docs.length);
  /** A top class's rank + 1 while its shared concepts are gathered, else 0. */
  const topRank = new Int32Array(docs.length);
  // What only a class among a question's top candidates needs is worked out the first time it is one: in a
  // large pack most classes never are for most questions, and the build stays linear and short.
  /** The same weights as the postings, by class, for telling a top class which concepts it shares. */
  const postingWeights: Array<Map<string, number> | undefined> = new Array(docs.length);
  const postingWeightsOf = (k: number): Map<string, number> => {
    let weights = postingWeights[k];
    if (weights === undefined) {
      weights = new Map();
      for (const [c, s] of shares[k]!) weights.set(c, Math.sqrt(s) * idf(c));
      postingWeights[k] = weights;
    }
    return weights;
  };
  /**
   * Per class, concept -> the phrasings that use it (ascending): nearest() visits only phrasings that share a
   * concept with the question, not every phrasing of every candidate. With each phrasing's norm.
   */
  const phrasingsWith: Array<Map<string, number[]> | undefined> = new Array(docs.length);
  const phrasingNorms: Array<number[] | undefined> = new Array(docs.length);
  const squaredWeight = (c: string): number => (conceptWeight(c) * idf(c)) ** 2;
  const phrasingsWithOf = (k: number): Map<string, number[]> => {
    let byConcept = phrasingsWith[k];
    if (byConcept === undefined) {
      byConcept = new Map();
      const phrasings = docs[k]!.phrasings;
      for (let j = 0; j < phrasings.length; j++) {
        for (const c of phrasings[j]!) {
          const list = byConcept.get(c);
          if (list === undefined) byConcept.set(c, [j]);
          // A concept twice in one phrasing lists the phrasing once (j only grows, so a repeat is the last one).
          else if (list[list.length - 1] !== j) list.push(j);
        }
      }
      phrasingsWith[k] = byConcept;
      phrasingNorms[k] = phrasings.map((p) => Math.sqrt(p.reduce((sum, c) => sum + squaredWeight(c), 0)) || 1);
    }
    return byConcept;
  };
  // Scratch space for nearest(), sized for the class with the most phrasings.
  const mostPhrasings = docs.reduce((n, d) => Math.max(n, d.phrasings.length), 0);
  const dots = new Float64Array(mostPhrasings);
  const dotTouched = new Uint8Array(mostPhrasings);
  const dotReached = new Int32Array(mostPhrasings);

  /** What nearest() needs of the question, the same for every class: worked out once per question. */
  interface NearQuery {
    concepts: readonly string[];
    /** Each concept's term of a dot product: its weight, its concept weight and its idf squared. */
    adds: number[];
    norm: number;
  }
  function nearQuery(concepts: readonly string[], weights: readonly number[]): NearQuery {
    let norm = 0;
    for (let i = 0; i < concepts.length; i++) norm += (weights[i]! * idf(concepts[i]!)) ** 2;
    const adds = concepts.map((c, i) => weights[i]! * conceptWeight(c) * idf(c) ** 2);
    return { concepts, adds, norm: Math.sqrt(norm) || 1 };
  }

  function nearest(k: number, { concepts, adds, norm: qNorm }: NearQuery): number {
    // Dot products summed in the question's concept order, as a phrasing-by-phrasing loop would.
    const withConcept = phrasingsWithOf(k);
    let reached = 0;
    for (let i = 0; i < concepts.length; i++) {
      const list = withConcept.get(concepts[i]!);
      if (list === undefined) continue;
      const add = adds[i]!;
      for (const j of list) {
        if (!dotTouched[j]) {
          dotTouched[j] = 1;
          dotReached[reached++] = j;
        }
        dots[j] = dots[j]! + add;
      }
    }
    let best = 0;
    const norms = phrasingNorms[k]!;
    for (let r = 0; r < reached; r++) {
      const j = dotReached[r]!;
      const sim = dots[j]! / (qNorm * norms[j]!);
      if (sim > best) best = sim;
      dots[j] = 0;
      dotTouched[j] = 0;
    }
    return best;
  }

  return {
    score(concepts, weights, limit, near = concepts, nearWeights = weights) {
      // Sums in a scratch array; classes in the order first reached (the order ties keep).
      const reached: number[] = [];
      let visited = 0;
      for (let i = 0; i < concepts.length; i++) {
        const list = postings.get(concepts[i]!);
        if (list === undefined) continue;
        const { classes, weights: evidence } = list;
        const weight = weights[i]!;
        visited += classes.length;
        for (let p = 0; p < classes.length; p++) {
          const k = classes[p]!;
          if (!touched[k]) {
            touched[k] = 1;
            reached.push(k);
          }
          totals[k] = totals[k]! + evidence[p]! * weight;
        }
      }
      const top = topK(reached, totals, limit);
      const query = nearQuery(near, nearWeights);
      // Shared concepts per top class, in question order with what each added. A short walk of the
      // postings again finds them; with long postings (a large pack), one lookup per class and concept does.
      // Per top class (by rank), the concepts and what each added, in two lists.
      const sharedConcepts: string[][] = top.map(() => []);
      const sharedWeights: number[][] = top.map(() => []);
      if (visited <= top.length * concepts.length * 4) {
        top.forEach((k, r) => {
          topRank[k] = r + 1;
        });
        for (let i = 0; i < concepts.length; i++) {
          const list = postings.get(concepts[i]!);
          if (list === undefined) continue;
          for (let p = 0; p < list.classes.length; p++) {
            const r = topRank[list.classes[p]!]! - 1;
            if (r < 0) continue;
            sharedConcepts[r]!.push(concepts[i]!);
            sharedWeights[r]!.push(list.weights[p]! * weights[i]!);
          }
        }
        for (const k of top) topRank[k] = 0;
      } else {
        top.forEach((k, r) => {
          const weightOf = postingWeightsOf(k);
          for (let i = 0; i < concepts.length; i++) {
            const w = weightOf.get(concepts[i]!);
            if (w === undefined) continue;
            sharedConcepts[r]!.push(concepts[i]!);
            sharedWeights[r]!.push(w * weights[i]!);
          }
        });
      }
      const scored = top.map((k, r) => ({
        item: docs[k]!.item,
        index: k,
        score: totals[k]!,
        nearest: nearest(k, query),
        shared: strongestFirst(sharedConcepts[r]!, sharedWeights[r]!),
      }));
      for (const k of reached) {
        touched[k] = 0;
        totals[k] = 0;
      }
      return scored;
    },
    share: (k, c) => shares[k]?.get(c) ?? 0,
    shares: (k) => shares[k] ?? new Map(),
    knows: (c) => postings.has(c),
    similarity(a, b) {
      const weight = (k: number, c: string): number => Math.sqrt(shares[k]!.get(c) ?? 0) * idf(c);
      let dot = 0;
      let na = 0;
      let nb = 0;
      for (const c of shares[a]!.keys()) {
        const wa = weight(a, c);
        na += wa * wa;
        dot += wa * weight(b, c);
      }
      for (const c of shares[b]!.keys()) nb += weight(b, c) ** 2;
      return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
    },
    homeOf(c) {
      const list = postings.get(c);
      if (list === undefined) return -1;
      // Remembered per known concept (a common one is used by thousands of classes in a large pack).
      let home = homes.get(c);
      if (home === undefined) {
        home = -1;
        let best = 0;
        for (const k of list.classes) {
          const share = shares[k]!.get(c) ?? 0;
          if (share > best) [home, best] = [k, share];
        }
        homes.set(c, home);
      }
      return home;
    },
    idf,
  };
}
