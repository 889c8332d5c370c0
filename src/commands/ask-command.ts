import type { Command } from './command';
import { wordsCommand } from './command';

/** "ask <question>": the explicit form of a plain question (slash commands use it). */
export const askCommand: Command = {
  name: 'ask',
  usage: 'ask <question>',
  summary: 'ask an aftercare question (or just type it)',
  description: 'Ask a microneedling aftercare question',
  args: [{ name: 'question', description: 'What you want to know', type: 'text', required: true, maxLength: 500 }],
  offered: 'menu',
  preconditions: [],
  parse: wordsCommand('ask', { allowArgs: true }),
  run: ({ args, answer }) => answer(args),
};
