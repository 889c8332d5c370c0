import type { FaqEntry, RedFlagRule } from '../knowledge/knowledge-schema';

/** Why the matcher declined a question. */
export type DeclineReason = 'empty' | 'out-of-scope' | 'low-confidence';

export type MatchResult =
  | { kind: 'escalation'; rule: RedFlagRule; confidence: number; normalized: string }
  | {
      kind: 'answer';
      entry: FaqEntry;
      /** Further entries the same message asked about, in its order (at most two more). */
      also?: FaqEntry[];
      confidence: number;
      suggestions: FaqEntry[];
      normalized: string;
    }
  | {
      kind: 'decline';
      reason: DeclineReason;
      confidence: number;
      /** Close entries worth offering as "did you mean", possibly none. */
      suggestions: FaqEntry[];
      /** Set when an out-of-scope topic caught the question. */
      outOfScopeId?: string;
      normalized: string;
    };

export interface Matcher {
  /** Pure and synchronous: red-flag rules over the whole message first, then entries and out-of-scope topics compete. */
  match(question: string): MatchResult;
}
