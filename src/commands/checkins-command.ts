import { infoReply } from '../conversation/reply';
import { checkinStatus, startCheckins, stopCheckins } from '../checkins/checkin-service';
import { START_EXAMPLE } from '../checkins/parse-start-args';
import type { Command } from './command';

const CHECKINS = /^\/?check-?ins?(?:\s+([\s\S]*))?$/i;

const USAGE = [
  'Check-ins are short direct messages for two weeks after a treatment (redness, peeling, sunscreen).',
  '• checkins start [date] [hour] [zone] — date: today, yesterday or YYYY-MM-DD; hour: 9, 09:00, 9am; zone: e.g. Europe/Berlin',
  `  for example: ${START_EXAMPLE}`,
  '• checkins status — the next check-in and how many remain',
  '• checkins stop — stop them at once',
  '• forget me — delete everything I have stored about you',
].join('\n');

/**
 * "checkins start|status|stop …" (also "check-ins", "checkin"). Discord's /checkins and Slack's
 * /aftercare checkins are translated by their adapters into these words.
 */
export const checkinsCommand: Command = {
  name: 'checkins',
  usage: 'checkins start [date] [hour] [zone] | checkins status | checkins stop',
  summary: 'short check-in DMs for two weeks after a treatment',
  preconditions: [],
  privateAnswers: true,
  parse: (text) => {
    const m = CHECKINS.exec(text);
    return m ? (m[1] ?? '').trim() : null;
  },
  run: ({ message, args, deps }) => {
    const [sub = '', ...rest] = args.split(/\s+/);
    const more = rest.join(' ');
    switch (sub.toLowerCase()) {
      case 'start':
      case 'subscribe':
      case 'on':
        return startCheckins(deps, message, more);
      case 'status':
        return checkinStatus(deps, message);
      case 'stop':
      case 'unsubscribe':
      case 'off':
      case 'cancel':
        return stopCheckins(deps, message);
      case '':
      case 'help':
        return infoReply(USAGE, { ephemeral: !message.channel.isDirect });
      default:
        return infoReply(`I don't know "checkins ${sub}".\n${USAGE}`, { kind: 'error', ephemeral: !message.channel.isDirect });
    }
  },
};
