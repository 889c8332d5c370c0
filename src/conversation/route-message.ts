import { answerCheckinText } from '../checkins/checkin-service';
import type { ArgValues, Command, Precondition, ReadArgs } from '../commands/command';
import type { CommandRegistry } from '../commands/command-registry';
import { answerQuestion } from './answer-question';
import type { CoreDeps } from './core-deps';
import type { IncomingMessage } from './incoming-message';
import type { Turn } from './middleware/turn';
import { infoReply, type Reply } from './reply';

const REFUSAL = 'Only moderators can use that command.';
const STALE_BUTTON = 'That button no longer does anything.';
const STALE_COMMAND = 'That command is not available any more. Type help to see what I can do.';

/** The command a platform parsed itself and its typed options, or null when this build has no such command. */
function parsedCommand(commands: readonly Command[], message: IncomingMessage) {
  const parsed = message.command;
  if (!parsed) return undefined;
  const command = commands.find((c) => c.name === parsed.name && c.offered === 'menu');
  return command ? { command, args: command.readOptions(parsed.options) } : null;
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
export function routeMessage(deps: CoreDeps, registry: CommandRegistry) {
  return async (turn: Turn): Promise<void> => {
    const { message } = turn;
    let smallTalk: string | null = null;
    const answer = (question: string): Reply => {
      const answered = answerQuestion(deps.knowledge, question);
      turn.asked = answered.result;
      smallTalk = answered.smallTalk;
      return answered.reply;
    };
    const context = { message, deps, commands: registry.commands, answer };
    /** The command's handler with its typed arguments, or the argument problem (nothing runs then). */
    const run = (command: Command, args: ReadArgs<ArgValues>) =>
      args.ok
        ? command.run({ ...context, args: args.args })
        : infoReply(command.unchanged ? `${args.problem}\n${command.unchanged}` : args.problem, { kind: 'error' });

    if (message.action !== undefined) {
      const action = message.action;
      const handler = registry.actions.find((a) => action.startsWith(a.prefix));
      turn.route = 'action';
      if (!handler) {
        turn.reply = infoReply(STALE_BUTTON, { kind: 'error', ephemeral: true });
      } else if (unmet(handler.preconditions, message)) {
        turn.reply = infoReply(REFUSAL, { kind: 'refusal' });
      } else {
        turn.reply = await handler.run({ ...context, value: action.slice(handler.prefix.length) });
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
      turn.reply = unmet(command.preconditions, message) ? infoReply(REFUSAL, { kind: 'refusal' }) : await run(command, parsed.args);
      return;
    }

    const text = message.text.trim();
    for (const command of registry.commands) {
      const rest = command.match(text);
      if (rest === null) continue;
      const failed = unmet(command.preconditions, message);
      if (failed === 'direct') continue;
      turn.route = command.name;
      turn.privateAnswer = command.privateAnswers === true;
      turn.reply = failed === 'moderator' ? infoReply(REFUSAL, { kind: 'refusal' }) : await run(command, command.readText(rest));
      return;
    }
    const checkinAnswer = await answerCheckinText(deps, message, text);
    turn.reply = checkinAnswer ?? answer(text);
    turn.route = checkinAnswer ? 'check-in answer' : smallTalk ? 'small talk' : 'question';
  };
}
