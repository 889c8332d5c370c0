import { answerCheckinText } from '../checkins/checkin-service';
import type { ActionHandler, ArgValue, Command, Precondition } from '../commands/command';
import { answerQuestion } from './answer-question';
import type { CoreDeps } from './core-deps';
import type { IncomingMessage } from './incoming-message';
import type { Turn } from './middleware/turn';
import { infoReply, type Reply } from './reply';

const REFUSAL = 'Only moderators can use that command.';
const STALE_BUTTON = 'That button no longer does anything.';
const STALE_COMMAND = 'That command is not available any more. Type help to see what I can do.';

/** A typed argument as words: whitespace (newlines included) collapsed, so it stays one argument. */
const plain = (value: ArgValue | undefined) => (value === undefined ? '' : String(value).replace(/\s+/g, ' ').trim());

/** The command a platform parsed itself, its typed options and the same arguments as words (spec order). */
function parsedCommand(commands: readonly Command[], message: IncomingMessage) {
  const parsed = message.command;
  if (!parsed) return undefined;
  const command = commands.find((c) => c.name === parsed.name && c.offered === 'menu');
  if (!command) return null;
  const args = command.args.map((a) => plain(parsed.options[a.name])).filter((w) => w !== '').join(' ');
  return { command, args, options: parsed.options };
}

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
    let smallTalk: string | null = null;
    const answer = (question: string): Reply => {
      const answered = answerQuestion(deps.knowledge, question);
      turn.asked = answered.result;
      smallTalk = answered.smallTalk;
      return answered.reply;
    };
    const context = { message, deps, commands: registry.commands, answer, options: {} };

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

    const parsed = parsedCommand(registry.commands, message);
    if (parsed === null) {
      turn.route = 'stale command';
      turn.reply = infoReply(STALE_COMMAND, { kind: 'error', ephemeral: true });
      return;
    }
    if (parsed) {
      const { command } = parsed;
      turn.route = command.name;
      turn.privateAnswer = command.privateAnswers === true;
      turn.reply = unmet(command.preconditions, message)
        ? infoReply(REFUSAL, { kind: 'refusal' })
        : await command.run({ ...context, args: parsed.args, options: parsed.options });
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
    turn.reply = checkinAnswer ?? answer(text);
    turn.route = checkinAnswer ? 'check-in answer' : smallTalk ? 'small talk' : 'question';
  };
}
