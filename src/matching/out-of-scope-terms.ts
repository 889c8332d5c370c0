import type { OutOfScopeTopic } from '../knowledge/knowledge-schema';
import { singular } from './analyze';
import { normalize } from './normalize';

export type OutOfScopeTermCheck = (questionWords: readonly string[]) => OutOfScopeTopic | null;

/** In a term, "..." stands for up to this many words: "results ... last" hits "results of it last". */
export const TERM_GAP_WORDS = 3;

interface CompiledTerm {
  topic: OutOfScopeTopic;
  /** Word sequences that must follow each other, at most TERM_GAP_WORDS apart. */
  parts: string[][];
}

function startsAt(words: readonly string[], at: number, seq: readonly string[]): boolean {
  return seq.every((s, j) => words[at + j] === s);
}

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

/**
 * Finds the first topic with a term present in the question as a whole-word sequence (plurals folded),
 * so "chemical peels" hits "chemical peel" while a lone "peel" does not.
 */
export function compileOutOfScopeTerms(topics: readonly OutOfScopeTopic[]): OutOfScopeTermCheck {
  // Indexed by first word so a question only checks the terms that can start at each of its words.
  const byFirst = new Map<string, CompiledTerm[]>();
  for (const topic of topics) {
    for (const term of topic.terms) {
      const parts = term
        .split('...')
        .map((p) => normalize(p).split(' ').filter(Boolean).map(singular))
        .filter((p) => p.length > 0);
      if (parts.length === 0) continue;
      const first = parts[0]![0]!;
      byFirst.set(first, [...(byFirst.get(first) ?? []), { topic, parts }]);
    }
  }
  return (questionWords) => {
    for (let i = 0; i < questionWords.length; i++) {
      for (const { topic, parts } of byFirst.get(questionWords[i]!) ?? []) {
        if (startsAt(questionWords, i, parts[0]!) && matchFrom(questionWords, i, parts) >= 0) return topic;
      }
    }
    return null;
  };
}
