import { infoReply } from '../conversation/reply';
import { defineCommand } from './command';

// Greetings are small talk (knowledge/small-talk.yaml), with a short reply a clinic can word.
const HELP_WORDS = /^\/?(help|\?|start|menu|commands)[\s!.?]*$/i;

export const helpCommand = defineCommand({
  name: 'help',
  summary: 'what I can do',
  description: 'Show what I can do',
  words: HELP_WORDS,
  run: ({ message, deps, commands }) => {
    const lines = commands
      .filter((c) => c.offered === 'menu' && (!c.preconditions.includes('moderator') || message.isModerator))
      .map((c) => `• ${message.commandPrefix ?? ''}${c.usage} — ${c.summary}${c.preconditions.includes('moderator') ? ' (moderators)' : ''}`);
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
});
