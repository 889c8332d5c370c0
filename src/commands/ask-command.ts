import type { Command } from './command';
import { wordsCommand } from './command';

/** "ask <question>": the explicit form of a plain question (slash commands use it). */
export const askCommand: Command = {
  name: 'ask',
  usage: 'ask <question>',
  summary: 'ask an aftercare question (or just type it)',
  preconditions: [],
  parse: wordsCommand('ask', { allowArgs: true }),
  run: ({ args, answer }) => answer(args),
};
