import type { OutOfScopeTopic } from '../knowledge/knowledge-schema';
import { boundedMemo } from './bounded-memo';

/** In a term, "..." stands for up to this many words: "results ... last" hits "results of it last". */
export const TERM_GAP_WORDS = 3;

/** One place where a topic's term occurs in a question: words [start, end). */
export interface TermHit {
  topic: OutOfScopeTopic;
  term: string;
  start: number;
  end: number;
}

interface CompiledTerm {
  topic: OutOfScopeTopic;
  term: string;
  /** Word sequences that must follow each other, at most TERM_GAP_WORDS apart. */
  parts: string[][];
}

/** Plural-only folding: "chemical peels" hits "chemical peel", while "scared" stays clear of "scar". */
export const singular: (word: string) => string = boundedMemo((word) => {
  if (word.length <= 3) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(ss|x|ch|sh)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
});

const startsAt = (words: readonly string[], at: number, seq: readonly string[]): boolean => seq.every((s, j) => words[at + j] === s);

/** Where the rest of the term ends when its first part starts at `at`, or -1. */
function matchFrom(words: readonly string[], at: number, parts: readonly string[][]): number {
  let end = at + parts[0]!.length;
  for (const part of parts.slice(1)) {
    let found = -1;
    for (let k = end; k <= end + TERM_GAP_WORDS && k < words.length; k++) {
      if (startsAt(words, k, part)) {
        found = k + part.length;
        break;
      }
    }
    if (found < 0) return -1;
    end = found;
  }
  return end;
}

/** Finds a topic's terms in (singular) words; `firstWords` are the words a term can start with. */
export type TermFinder = ((words: readonly string[]) => TermHit[]) & { readonly firstWords: ReadonlySet<string> };

/**
 * Finds every place a topic's term occurs as a whole-word sequence of the (singular) words. `prepare` turns
 * a term into words the way a question's words were made. Terms for which `skip` is true are left out.
 */
export function compileTermHits(
  topics: readonly OutOfScopeTopic[],
  prepare: (text: string) => string[],
  skip: (term: string) => boolean,
): TermFinder {
  // Indexed by first word so a question only checks the terms that can start at each of its words.
  const byFirst = new Map<string, CompiledTerm[]>();
  for (const topic of topics) {
    for (const term of topic.terms) {
      if (skip(term)) continue;
      const parts = term
        .split('...')
        .map((p) => prepare(p).map(singular))
        .filter((p) => p.length > 0);
      if (parts.length === 0) continue;
      const first = parts[0]![0]!;
      const bucket = byFirst.get(first) ?? [];
      if (bucket.length === 0) byFirst.set(first, bucket);
      bucket.push({ topic, term, parts });
    }
  }
  const find = (words: readonly string[]): TermHit[] => {
    const hits: TermHit[] = [];
    for (let i = 0; i < words.length; i++) {
      for (const { topic, term, parts } of byFirst.get(words[i]!) ?? []) {
        if (!startsAt(words, i, parts[0]!)) continue;
        const end = matchFrom(words, i, parts);
        if (end >= 0) hits.push({ topic, term, start: i, end });
      }
    }
    return hits;
  };
  return Object.assign(find, { firstWords: new Set(byFirst.keys()) });
}
