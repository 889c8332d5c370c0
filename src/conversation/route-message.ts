import { answerCheckinText } from '../checkins/checkin-service';
import type { ActionHandler, Command, Precondition } from '../commands/command';
import { answerQuestion } from './answer-question';
import type { CoreDeps } from './core-deps';
import type { IncomingMessage } from './incoming-message';
import type { Turn } from './middleware/turn';
import { infoReply, type Reply } from './reply';

const REFUSAL = 'Only moderators can use that command.';
const STALE_BUTTON = 'That button no longer does anything.';

/** Whether the declared conditions hold; `direct` failing means "not this command here". */
function unmet(preconditions: readonly Precondition[], message: IncomingMessage): Precondition | null {
  if (preconditions.includes('direct') && !message.channel.isDirect) return 'direct';
  if (preconditions.includes('moderator') && !message.isModerator) return 'moderator';
  return null;
}

/**
 * The end of the pipeline: a button's action, else the first command whose words match and whose conditions
 * hold, else a few words answering an awaiting check-in, else a question.
 */
export function routeMessage(deps: CoreDeps, registry: { commands: readonly Command[]; actions: readonly ActionHandler[] }) {
  return async (turn: Turn): Promise<void> => {
    const { message } = turn;
    const answer = (question: string): Reply => {
      const { reply, result } = answerQuestion(deps.knowledge, question);
      turn.asked = result;
      return reply;
    };
    const context = { message, deps, commands: registry.commands, answer };

    if (message.action !== undefined) {
      const action = message.action;
      const handler = registry.actions.find((a) => action.startsWith(a.prefix));
      turn.route = 'action';
      if (!handler) {
        turn.reply = infoReply(STALE_BUTTON, { kind: 'error', ephemeral: true });
      } else if (unmet(handler.preconditions, message)) {
        turn.reply = infoReply(REFUSAL, { kind: 'refusal' });
      } else {
        turn.reply = await handler.run({ ...context, args: '', value: action.slice(handler.prefix.length) });
      }
      return;
    }

    const text = message.text.trim();
    for (const command of registry.commands) {
      const args = command.parse(text);
      if (args === null) continue;
      const failed = unmet(command.preconditions, message);
      if (failed === 'direct') continue;
      turn.route = command.name;
      turn.privateAnswer = command.privateAnswers === true;
      turn.reply = failed === 'moderator' ? infoReply(REFUSAL, { kind: 'refusal' }) : await command.run({ ...context, args });
      return;
    }
    const checkinAnswer = answerCheckinText(deps, message, text);
    turn.route = checkinAnswer ? 'check-in answer' : 'question';
    turn.reply = checkinAnswer ?? answer(text);
  };
}
