import { infoReply } from '../conversation/reply';
import { describeClosest, findTopic } from '../moderation/find-topic';
import { pinEntry } from '../moderation/pin-service';
import { defineCommand } from './command';

export const faqPinCommand = defineCommand({
  name: 'faq pin',
  summary: 'post an FAQ answer with its sources in this channel and pin it',
  args: [
    {
      name: 'topic',
      description: 'The FAQ entry: start typing its id or question',
      type: 'text',
      required: true,
      maxLength: 100,
      suggestions: 'faq-entries',
      hint: '"topics" lists the ids.',
    },
  ],
  run: async ({ message, args, deps }) => {
    const found = findTopic(deps.knowledge.knowledge, args.topic);
    if ('closest' in found) return infoReply(describeClosest(args.topic, found.closest), { kind: 'error' });
    return pinEntry(deps, message, found.entry);
  },
});
