import { infoReply } from '../conversation/reply';
import { findTopic } from '../moderation/find-topic';
import { unpinEntry } from '../moderation/pin-service';
import { type Command, wordsCommand } from './command';

export const faqUnpinCommand: Command = {
  name: 'faq unpin',
  usage: 'faq unpin <topic>',
  summary: 'unpin an FAQ answer in this channel (moderators)',
  description: 'Unpin an FAQ answer in this channel',
  args: [{ name: 'topic', description: 'The pinned FAQ entry: start typing its id or question', type: 'text', required: true, maxLength: 100, suggestions: 'faq-pinned' }],
  offered: 'menu',
  preconditions: ['moderator'],
  privateAnswers: true,
  parse: wordsCommand('faq unpin', { allowArgs: true }),
  run: ({ message, args, deps }) => {
    if (!args) return infoReply('Which topic? Usage: faq unpin <topic id>. "faq list" shows the pins here.', { ephemeral: true });
    // The same topic words as "faq pin" (id, exact question, or a tag only it has); an id no longer in the pack still works.
    const found = findTopic(deps.knowledge.knowledge, args);
    return unpinEntry(deps, message, 'entry' in found ? found.entry.id : args.trim().toLowerCase());
  },
};
