import type { KnowledgeState } from '../knowledge/knowledge-state';
import type { MatchResult } from '../matching/match-result';
import { replyForMatch } from './reply-for-match';
import { infoReply, type Reply } from './reply';

/** Longer messages are not questions we can answer well; we say so instead of guessing. */
export const MAX_QUESTION_LENGTH = 1000;

const EMPTY_QUESTION =
  'Ask me an aftercare question, for example: "how long will I stay red?" Type "topics" to see what I cover.';

/** The matcher reads the start of a message; warning signs are looked for in all of it, window by window. */
const SCAN_WINDOW = 400;
const SCAN_STEP = 300;
const SCAN_LIMIT = 20_000;

function warningSignsAnywhere(state: KnowledgeState, text: string): MatchResult | null {
  if (text.length <= SCAN_WINDOW) return null;
  for (let start = 0; start < Math.min(text.length, SCAN_LIMIT); start += SCAN_STEP) {
    const result = state.matcher.match(text.slice(start, start + SCAN_WINDOW));
    if (result.kind === 'escalation') return result;
  }
  return null;
}

/**
 * The reply to a question, and the match behind it (null when the input was not a question we can match). Pure:
 * the pipeline records the outcome after the reply went out.
 */
export function answerQuestion(state: KnowledgeState, question: string): { reply: Reply; result: MatchResult | null } {
  if (question.trim() === '') return { reply: infoReply(EMPTY_QUESTION, { kind: 'fallback', confidence: 0 }), result: null };
  // A long story that ends in "…and now there's pus" must still escalate, whatever its length.
  const urgent = warningSignsAnywhere(state, question);
  if (urgent) return { reply: replyForMatch(state.knowledge, urgent), result: urgent };
  if (question.length > MAX_QUESTION_LENGTH) {
    const text = `That message is ${question.length} characters long; please ask one question in under ${MAX_QUESTION_LENGTH} characters.`;
    return { reply: infoReply(text, { kind: 'fallback', confidence: 0 }), result: null };
  }
  const result = state.matcher.match(question);
  return { reply: replyForMatch(state.knowledge, result), result };
}
