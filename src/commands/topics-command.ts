import { infoReply } from '../conversation/reply';
import type { Command } from './command';
import { wordsCommand } from './command';

export const topicsCommand: Command = {
  name: 'topics',
  usage: 'topics',
  summary: 'the questions I can answer',
  description: 'List the aftercare topics I can answer',
  args: [],
  offered: 'menu',
  preconditions: [],
  parse: wordsCommand('topics', { allowArgs: false }),
  run: ({ deps }) => {
    const { entries } = deps.knowledge.knowledge;
    return infoReply(
      ['I can answer these (ask in your own words):', ...entries.map((e) => `• ${e.question} (${e.id})`)].join('\n'),
    );
  },
};
