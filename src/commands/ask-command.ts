import { defineCommand } from './command';

/** "ask <question>": the explicit form of a plain question (slash commands use it). */
export const askCommand = defineCommand({
  name: 'ask',
  summary: 'ask an aftercare question (or just type it)',
  description: 'Ask a microneedling aftercare question',
  args: [{ name: 'question', description: 'What you want to know', type: 'text', required: true, maxLength: 500 }],
  run: ({ args, answer }) => answer(args.question),
});
