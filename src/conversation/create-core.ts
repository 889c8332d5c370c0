import { answerCheckinText } from '../checkins/checkin-service';
import { ACTIONS, COMMANDS } from '../commands/command-registry';
import { topicChoices } from '../moderation/topic-choices';
import { answerQuestion } from './answer-question';
import type { ConversationCore } from './conversation-core';
import type { CoreDeps } from './core-deps';
import type { IncomingMessage } from './incoming-message';
import { infoReply, type Reply } from './reply';

const REFUSAL = 'Only moderators can use that command.';

/** The platform-neutral conversation: commands, button actions, then questions. */
export function createCore(deps: CoreDeps): ConversationCore {
  async function handle(message: IncomingMessage): Promise<Reply> {
    if (message.action !== undefined) return handleAction(message, message.action);
    const text = message.text.trim();
    for (const command of COMMANDS) {
      const args = command.parse(text);
      if (args === null) continue;
      if (command.moderatorOnly && !message.isModerator) {
        return infoReply(REFUSAL, { kind: 'refusal', ephemeral: true });
      }
      return command.run({ message, args, deps, commands: COMMANDS });
    }
    // A few words in a DM may answer the check-in awaiting a reply; anything else is a question.
    return answerCheckinText(deps, message, text) ?? answerQuestion(deps, message, text);
  }

  async function handleAction(message: IncomingMessage, action: string): Promise<Reply> {
    const handler = ACTIONS.find((a) => action.startsWith(a.prefix));
    if (!handler) return infoReply('That button no longer does anything.', { kind: 'error', ephemeral: true });
    if (handler.moderatorOnly && !message.isModerator) {
      return infoReply(REFUSAL, { kind: 'refusal', ephemeral: true });
    }
    return handler.run({ message, args: '', deps, commands: COMMANDS, value: action.slice(handler.prefix.length) });
  }

  return { handle, topicChoices: (request) => topicChoices(deps, request) };
}
