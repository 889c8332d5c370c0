import { infoReply } from '../conversation/reply';
import { defineCommand } from './command';

export const topicsCommand = defineCommand({
  name: 'topics',
  summary: 'the questions I can answer',
  description: 'List the aftercare topics I can answer',
  run: ({ deps }) => {
    const { entries } = deps.knowledge.knowledge;
    return infoReply(
      ['I can answer these (ask in your own words):', ...entries.map((e) => `• ${e.question} (${e.id})`)].join('\n'),
    );
  },
});
