import { infoReply } from '../conversation/reply';
import { unpinEntry } from '../moderation/pin-service';
import { type Command, wordsCommand } from './command';

export const faqUnpinCommand: Command = {
  name: 'faq unpin',
  usage: 'faq unpin <topic>',
  summary: 'unpin an FAQ answer in this channel (moderators)',
  moderatorOnly: true,
  parse: wordsCommand('faq unpin', { allowArgs: true }),
  run: ({ message, args, deps }) => {
    if (!args) return infoReply('Which topic? Usage: faq unpin <topic id>. "faq list" shows the pins here.', { ephemeral: true });
    return unpinEntry(deps, message, args.trim().toLowerCase());
  },
};
