import { infoReply } from '../conversation/reply';
import { describeClosest, findTopic } from '../moderation/find-topic';
import { pinEntry } from '../moderation/pin-service';
import { type Command, wordsCommand } from './command';

export const faqPinCommand: Command = {
  name: 'faq pin',
  usage: 'faq pin <topic>',
  summary: 'post an FAQ answer in this channel and pin it (moderators)',
  description: 'Post an FAQ answer with its sources in this channel and pin it',
  args: [{ name: 'topic', description: 'The FAQ entry: start typing its id or question', type: 'text', required: true, maxLength: 100, suggestions: 'faq-entries' }],
  offered: 'menu',
  preconditions: ['moderator'],
  privateAnswers: true,
  parse: wordsCommand('faq pin', { allowArgs: true }),
  run: async ({ message, args, deps }) => {
    if (!args) return infoReply('Which topic? Usage: faq pin <topic id>. "topics" lists the ids.', { ephemeral: true });
    const found = findTopic(deps.knowledge.knowledge, args);
    if ('closest' in found) return infoReply(describeClosest(args, found.closest), { kind: 'error', ephemeral: true });
    return pinEntry(deps, message, found.entry);
  },
};
