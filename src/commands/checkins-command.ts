import { checkinStatus, stopCheckins } from '../checkins/checkin-service';
import { START_EXAMPLE } from '../checkins/parse-start-args';
import { infoReply } from '../conversation/reply';
import { defineCommand } from './command';

const USAGE = [
  'Check-ins are short direct messages for two weeks after a treatment (redness, peeling, sunscreen).',
  '• checkins start [date] [hour] [zone] — date: today, yesterday or YYYY-MM-DD; hour: 9, 09:00, 9am; zone: e.g. Europe/Berlin',
  `  for example: ${START_EXAMPLE}`,
  '• checkins status — the next check-in and how many remain',
  '• checkins stop — stop them at once',
  '• forget me — delete everything I have stored about you',
].join('\n');

export const checkinsStatusCommand = defineCommand({
  name: 'checkins status',
  summary: 'your next check-in and how many remain',
  run: ({ message, deps }) => checkinStatus(deps, message),
});

export const checkinsStopCommand = defineCommand({
  name: 'checkins stop',
  aliases: ['unsubscribe', 'off', 'cancel'],
  summary: 'stop your check-ins at once',
  run: ({ message, deps }) => stopCheckins(deps, message),
});

/** "checkins" alone, "checkins help" or an unknown subcommand: how to use them. Tried after the subcommands. */
export const checkinsUsageCommand = defineCommand({
  name: 'checkins',
  summary: 'how check-ins work',
  args: [{ name: 'subcommand', description: 'start, status or stop', type: 'text', required: false }],
  offered: 'words',
  privateAnswers: true,
  words: /^\/?check-?ins?(?:\s+([\s\S]*))?$/i,
  run: ({ args, commands }) => {
    if (args.subcommand === undefined || /^help$/i.test(args.subcommand)) return infoReply(USAGE);
    const first = args.subcommand.split(/\s+/)[0] ?? '';
    // "checkins status please": a real subcommand with words it does not take.
    const known = commands.some((c) => c.name === `checkins ${first.toLowerCase()}`);
    return infoReply(`${known ? `"checkins ${first}" takes no more words.` : `I don't know "checkins ${first}".`}\n${USAGE}`, { kind: 'error' });
  },
});
