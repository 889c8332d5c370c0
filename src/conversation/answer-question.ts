import type { KnowledgeState } from '../knowledge/knowledge-state';
import type { MatchResult } from '../matching/match-result';
import { replyForMatch } from './reply-for-match';
import { infoReply, type Reply } from './reply';

/** Longer messages are not questions we can answer well; we say so instead of guessing (after the warning-sign check). */
export const MAX_QUESTION_LENGTH = 4000;

const EMPTY_QUESTION =
  'Ask me an aftercare question, for example: "how long will I stay red?" Type "topics" to see what I cover.';

/**
 * The reply to a question, and the match behind it (null when the input was not a question we can match). Pure:
 * the pipeline records the outcome after the reply went out.
 */
export function answerQuestion(state: KnowledgeState, question: string): { reply: Reply; result: MatchResult | null } {
  if (question.trim() === '') return { reply: infoReply(EMPTY_QUESTION, { kind: 'fallback', confidence: 0 }), result: null };
  // The matcher looks for warning signs in the whole message first: a long story that ends in "…and now
  // there's pus" escalates, whatever its length.
  const result = state.matcher.match(question);
  if (result.kind !== 'escalation' && question.length > MAX_QUESTION_LENGTH) {
    const text = `That message is ${question.length} characters long; please ask one question in under ${MAX_QUESTION_LENGTH} characters.`;
    return { reply: infoReply(text, { kind: 'fallback', confidence: 0 }), result: null };
  }
  return { reply: replyForMatch(state.knowledge, result), result };
}
