import { findTopic } from '../moderation/find-topic';
import { unpinEntry } from '../moderation/pin-service';
import { defineCommand } from './command';

export const faqUnpinCommand = defineCommand({
  name: 'faq unpin',
  summary: 'unpin an FAQ answer in this channel',
  args: [
    {
      name: 'topic',
      description: 'The pinned FAQ entry: start typing its id or question',
      type: 'text',
      required: true,
      maxLength: 100,
      suggestions: 'faq-pinned',
      hint: '"faq list" shows the pins here.',
    },
  ],
  run: ({ message, args, deps }) => {
    // The same topic words as "faq pin" (id, exact question, or a tag only it has); an id no longer in the pack still works.
    const found = findTopic(deps.knowledge.knowledge, args.topic);
    return unpinEntry(deps, message, 'entry' in found ? found.entry.id : args.topic.toLowerCase());
  },
});
