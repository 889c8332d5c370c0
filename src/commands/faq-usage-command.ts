import { infoReply } from '../conversation/reply';
import { groupUsageCommand } from './group-usage-command';

const NOT_FOR_EVERYONE =
  'The faq commands are for moderators. Just ask your question, for example: "how long will I stay red?" Type "topics" to see what I cover.';

/**
 * "faq" alone, or with a subcommand no faq command took ("faq foo"): usage instead of an answer attempt, so it
 * is not recorded as a gap. Moderators see the faq subcommands; anyone else learns how to ask.
 */
export const faqUsageCommand = groupUsageCommand({
  group: 'faq',
  words: /^\/?faq(?:\s+([\s\S]*))?$/i,
  summary: 'the faq subcommands',
  subcommands: 'pin, unpin, list, gaps or stats',
  usage: ({ message, commands }) => {
    if (!message.isModerator) return infoReply(NOT_FOR_EVERYONE);
    const lines = commands
      .filter((c) => c.offered === 'menu' && c.name.startsWith('faq '))
      .map((c) => `• ${message.commandPrefix ?? ''}${c.usage} — ${c.summary}`);
    return ['Moderator commands for pinned answers and what I could not answer:', ...lines].join('\n');
  },
});
