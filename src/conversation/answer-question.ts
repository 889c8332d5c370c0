import type { KnowledgeState } from '../knowledge/knowledge-state';
import type { MatchResult } from '../matching/match-result';
import { replyForMatch } from './reply-for-match';
import { infoReply, type Reply } from './reply';
import { findSmallTalk } from './small-talk';

/** Longer messages are not questions we can answer well; we say so instead of guessing (after the warning-sign check). */
export const MAX_QUESTION_LENGTH = 4000;

const EMPTY_QUESTION =
  'Ask me an aftercare question, for example: "how long will I stay red?" Type "topics" to see what I cover.';

/** A question's reply; `result` is the match to record (null: nothing to record); `smallTalk` the kind when it was small talk. */
export interface AnsweredQuestion {
  reply: Reply;
  result: MatchResult | null;
  smallTalk: string | null;
}

/**
 * The reply to a question, and the match behind it (null when the input was not a question we can match). Pure:
 * the pipeline records the outcome after the reply went out.
 */
export function answerQuestion(state: KnowledgeState, question: string): AnsweredQuestion {
  if (question.trim() === '') return { reply: infoReply(EMPTY_QUESTION, { kind: 'fallback', confidence: 0 }), result: null, smallTalk: null };
  // The matcher looks for warning signs in the whole message first: a long story that ends in "…and now
  // there's pus" escalates, whatever its length.
  const result = state.matcher.match(question);
  if (result.kind !== 'escalation' && question.length > MAX_QUESTION_LENGTH) {
    const text = `That message is ${question.length} characters long; please ask one question in under ${MAX_QUESTION_LENGTH} characters.`;
    return { reply: infoReply(text, { kind: 'fallback', confidence: 0 }), result: null, smallTalk: null };
  }
  // Small talk only where the matcher had nothing to say: a warning sign or a question in the same message wins
  // ("thanks, but is bleeding normal?"). It is not a question, so nothing is recorded (no gap).
  const chat = result.kind === 'decline' ? findSmallTalk(state.knowledge.smallTalk, question) : null;
  if (chat) return { reply: infoReply(chat.reply), result: null, smallTalk: chat.id };
  return { reply: replyForMatch(state.knowledge, result), result, smallTalk: null };
}
