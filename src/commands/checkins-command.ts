import { checkinStatus, stopCheckins } from '../checkins/checkin-service';
import { START_EXAMPLE } from '../checkins/parse-start-args';
import { defineCommand } from './command';
import { groupUsageCommand } from './group-usage-command';

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
export const checkinsUsageCommand = groupUsageCommand({
  group: 'checkins',
  words: /^\/?check-?ins?(?:\s+([\s\S]*))?$/i,
  summary: 'how check-ins work',
  subcommands: 'start, status or stop',
  usage: () => USAGE,
});
