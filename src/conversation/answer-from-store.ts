import type { KnowledgeState } from '../knowledge/knowledge-state';
import type { MatchResult } from '../matching/match-result';
import type { QuestionOutcome } from '../store/question-log';
import { MAX_QUESTION_LENGTH, replyForMatch } from './answer-question';
import type { CoreDeps } from './core-deps';
import type { IncomingMessage } from './incoming-message';
import { infoReply, type Reply } from './reply';

const OUTCOME = { answer: 'answered', decline: 'declined', escalation: 'escalated' } as const satisfies Record<
  string,
  QuestionOutcome
>;

/** The reply to a question, and the match behind it (null when the input was not a question we can match). Pure. */
export function replyForQuestion(state: KnowledgeState, question: string): { reply: Reply; result: MatchResult | null } {
  if (question.length > MAX_QUESTION_LENGTH) {
    const text = `That message is ${question.length} characters long; please ask one question in under ${MAX_QUESTION_LENGTH} characters.`;
    return { reply: infoReply(text, { kind: 'fallback', confidence: 0 }), result: null };
  }
  const result = state.matcher.match(question);
  return { reply: replyForMatch(state.knowledge, result), result };
}

/** Answers a question from the live knowledge pack and records its outcome for the moderators. */
export function answerQuestion(deps: CoreDeps, message: IncomingMessage, question: string): Reply {
  if (question.trim() === '') {
    return infoReply(
      'Ask me an aftercare question, for example: "how long will I stay red?" Type "topics" to see what I cover.',
      { kind: 'fallback', confidence: 0 },
    );
  }
  const { reply, result } = replyForQuestion(deps.knowledge, question);
  if (result) {
    deps.store.questions.record({
      askedAt: deps.clock.now(),
      outcome: OUTCOME[result.kind],
      faqId: result.kind === 'answer' ? result.entry.id : null,
      question: result.normalized,
      askerKey: deps.store.askerKey(message.platform, message.user.id),
    });
  }
  return reply;
}
