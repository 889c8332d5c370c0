import { infoReply } from '../conversation/reply';
import { defineCommand } from './command';

const NOT_FOR_EVERYONE =
  'The faq commands are for moderators. Just ask your question, for example: "how long will I stay red?" Type "topics" to see what I cover.';

/**
 * "faq" alone, or with a subcommand no faq command took ("faq foo", "faq list extra"): usage instead of an
 * answer attempt, so it is neither answered as a question nor recorded as one (it is not a gap). Moderators
 * see the faq subcommands; anyone else learns how to ask. Tried after the subcommands.
 */
export const faqUsageCommand = defineCommand({
  name: 'faq',
  summary: 'the faq subcommands',
  args: [{ name: 'subcommand', description: 'pin, unpin, list, gaps or stats', type: 'text', required: false }],
  offered: 'words',
  privateAnswers: true,
  words: /^\/?faq(?:\s+([\s\S]*))?$/i,
  run: ({ args, message, commands }) => {
    if (!message.isModerator) return infoReply(NOT_FOR_EVERYONE);
    const prefix = message.commandPrefix ?? '';
    const lines = commands
      .filter((c) => c.offered === 'menu' && c.name.startsWith('faq '))
      .map((c) => `• ${prefix}${c.usage} — ${c.summary}`);
    const usage = ['Moderator commands for pinned answers and what I could not answer:', ...lines].join('\n');
    if (args.subcommand === undefined || /^help$/i.test(args.subcommand)) return infoReply(usage);
    // The first word only: the rest may be a topic or text the moderator did not mean as a subcommand.
    return infoReply(`I don't know "faq ${args.subcommand.split(/\s+/)[0]}".\n${usage}`, { kind: 'error' });
  },
});
