import { infoReply } from '../conversation/reply';
import { defineCommand } from './command';

export const faqListCommand = defineCommand({
  name: 'faq list',
  summary: 'the FAQ answers pinned in this channel',
  run: async ({ message, deps }) => {
    const pins = await deps.store.pins.inChannel(message.platform, message.channel.id);
    if (pins.length === 0) return infoReply('No FAQ answers are pinned in this channel.');
    const entries = deps.knowledge.knowledge.entries;
    const lines = pins.map((p) => {
      const entry = entries.find((e) => e.id === p.faqId);
      return `• ${p.faqId} — ${entry?.question ?? '(no longer in the guide)'} (pinned ${p.pinnedAt.toISOString().slice(0, 10)})`;
    });
    return infoReply(['Pinned in this channel:', ...lines].join('\n'));
  },
});
