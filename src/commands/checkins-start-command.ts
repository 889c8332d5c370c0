import { startCheckins } from '../checkins/checkin-service';
import { sortStartWords } from '../checkins/parse-start-args';
import { defineCommand } from './command';

/** "checkins start [date] [hour] [timezone]": the words may come in any order, so they are sorted by their shape. */
export const checkinsStartCommand = defineCommand({
  name: 'checkins start',
  aliases: ['subscribe', 'on'],
  summary: 'short check-in DMs for two weeks after a treatment',
  description: 'Start check-ins (replaces an earlier plan)',
  args: [
    { name: 'date', description: 'Treatment date: today, yesterday or YYYY-MM-DD (default: today)', type: 'text', required: false, maxLength: 20 },
    { name: 'hour', description: 'Local hour for the messages, e.g. 9, 09:00 or 9am (default: 09:00)', type: 'text', required: false, maxLength: 10 },
    {
      name: 'timezone',
      description: 'Your time zone, e.g. Europe/Berlin (default: the server setting)',
      type: 'text',
      required: false,
      maxLength: 64,
      suggestions: 'time-zones',
    },
  ],
  readText: (text) => {
    const sorted = sortStartWords(text);
    return sorted.ok ? { ok: true, args: sorted.fields } : { ok: false, problem: sorted.error };
  },
  unchanged: 'No check-ins were set up.',
  run: ({ message, args, deps }) => startCheckins(deps, message, args),
});
