import { infoReply } from '../conversation/reply';
import type { Command } from './command';

// Greetings are small talk (knowledge/small-talk.yaml), with a short reply a clinic can word.
const HELP_WORDS = /^\/?(help|\?|start|menu|commands)[\s!.?]*$/i;

export const helpCommand: Command = {
  name: 'help',
  usage: 'help',
  summary: 'what I can do',
  description: 'Show what I can do',
  args: [],
  offered: 'menu',
  preconditions: [],
  parse: (text) => (HELP_WORDS.test(text) ? '' : null),
  run: ({ message, deps, commands }) => {
    const lines = commands
      .filter((c) => c.offered === 'menu' && (!c.preconditions.includes('moderator') || message.isModerator))
      .map((c) => `• ${message.commandPrefix ?? ''}${c.usage} — ${c.summary}`);
    return infoReply(
      [
        'Hi! I answer microneedling aftercare questions from a short, curated guide, with the source of each fact.',
        'Just ask, for example: "how long will I stay red?" or "do I need sunscreen?"',
        '',
        'Commands:',
        ...lines,
        '',
        deps.knowledge.knowledge.disclaimer,
      ].join('\n'),
    );
  },
};
