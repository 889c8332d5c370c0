import { answerCheckinText } from '../checkins/checkin-service';
import { answerQuestion } from '../conversation/answer-from-store';
import type { Command } from './command';

/** Check-in answers are a few words; longer text is a question. */
const MAX_ANSWER_LENGTH = 200;

/**
 * A plain-word answer to the check-in awaiting one ("still red", "peeling", "worse") in a DM gets that option's
 * guidance. Anything else — no check-in awaiting, a question ("is peeling normal?"), no option's words, a
 * channel — is answered exactly as the core answers plain text: as a question.
 *
 * It claims every short line, so it MUST stay the last command in COMMANDS (test/checkins/registry.test.ts).
 */
export const checkinAnswerCommand: Command = {
  name: 'check-in answer',
  usage: '(a few words in reply to a check-in)',
  summary: 'answers a check-in',
  moderatorOnly: false,
  hidden: true,
  parse: (text) => (text.length > 0 && text.length <= MAX_ANSWER_LENGTH && !text.startsWith('/') ? text : null),
  run: ({ message, args, deps }) => answerCheckinText(deps, message, args) ?? answerQuestion(deps, message, args),
};
