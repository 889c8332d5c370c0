import { checkinStatus, startCheckins, stopCheckins } from '../checkins/checkin-service';
import { START_EXAMPLE } from '../checkins/parse-start-args';
import { infoReply } from '../conversation/reply';
import type { Command } from './command';

/** "checkins", "check-ins" or "checkin", then the subcommand words. */
const checkinsWords = (sub: string, withArgs: boolean) =>
  new RegExp(`^/?check-?ins?\\s+(?:${sub})${withArgs ? '(?:\\s+([\\s\\S]*))?' : '(?:\\s+[\\s\\S]*)?'}$`, 'i');
const START = checkinsWords('start|subscribe|on', true);
const STATUS = checkinsWords('status', false);
const STOP = checkinsWords('stop|unsubscribe|off|cancel', false);
const ANY = /^\/?check-?ins?(?:\s+([\s\S]*))?$/i;

const USAGE = [
  'Check-ins are short direct messages for two weeks after a treatment (redness, peeling, sunscreen).',
  '• checkins start [date] [hour] [zone] — date: today, yesterday or YYYY-MM-DD; hour: 9, 09:00, 9am; zone: e.g. Europe/Berlin',
  `  for example: ${START_EXAMPLE}`,
  '• checkins status — the next check-in and how many remain',
  '• checkins stop — stop them at once',
  '• forget me — delete everything I have stored about you',
].join('\n');

/** "checkins start [date] [hour] [zone]" (the arguments in any order). */
export const checkinsStartCommand: Command = {
  name: 'checkins start',
  usage: 'checkins start [date] [hour] [zone]',
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
  offered: 'menu',
  preconditions: [],
  privateAnswers: true,
  parse: (text) => {
    const m = START.exec(text);
    return m ? (m[1] ?? '').trim() : null;
  },
  run: ({ message, args, deps }) => startCheckins(deps, message, args),
};

export const checkinsStatusCommand: Command = {
  name: 'checkins status',
  usage: 'checkins status',
  summary: 'your next check-in and how many remain',
  description: 'Your next check-in and how many remain',
  args: [],
  offered: 'menu',
  preconditions: [],
  privateAnswers: true,
  parse: (text) => (STATUS.test(text) ? '' : null),
  run: ({ message, deps }) => checkinStatus(deps, message),
};

export const checkinsStopCommand: Command = {
  name: 'checkins stop',
  usage: 'checkins stop',
  summary: 'stop your check-ins at once',
  description: 'Stop your check-ins at once',
  args: [],
  offered: 'menu',
  preconditions: [],
  privateAnswers: true,
  parse: (text) => (STOP.test(text) ? '' : null),
  run: ({ message, deps }) => stopCheckins(deps, message),
};

/** "checkins" alone, "checkins help" or an unknown subcommand: how to use them. Tried after the three above. */
export const checkinsUsageCommand: Command = {
  name: 'checkins',
  usage: 'checkins',
  summary: 'how check-ins work',
  description: 'How check-ins work',
  args: [],
  offered: 'words',
  preconditions: [],
  privateAnswers: true,
  parse: (text) => {
    const m = ANY.exec(text);
    return m ? (m[1] ?? '').trim() : null;
  },
  run: ({ args }) =>
    args === '' || /^help$/i.test(args)
      ? infoReply(USAGE)
      : infoReply(`I don't know "checkins ${args.split(/\s+/)[0]}".\n${USAGE}`, { kind: 'error' }),
};
