import { checkinStatus, startCheckins, stopCheckins } from '../checkins/checkin-service';
import type { Command } from './command';

const SUBSCRIBE = /^(?:subscribe|start\s+check-?ins?|sign\s+me\s+up)(?:[\s,:]+([\s\S]*))?$/i;

/**
 * Plain words in a DM: "subscribe", "start check-ins" (optionally followed by date, hour, zone). In a channel
 * they are not a command: the text is answered as a question, as any other.
 */
export const subscribeWordsCommand: Command = {
  name: 'subscribe',
  usage: 'subscribe',
  summary: 'start check-ins (in a direct message)',
  preconditions: ['direct'],
  privateAnswers: true,
  description: 'Check-in words in a direct message',
  args: [],
  offered: 'words',
  parse: (text) => {
    const m = SUBSCRIBE.exec(text.replace(/[.!]+$/, ''));
    return m ? (m[1] ?? '').trim() : null;
  },
  run: ({ message, args, deps }) => startCheckins(deps, message, args),
};

/** "status" on its own. */
export const statusWordCommand: Command = {
  name: 'status',
  usage: 'status',
  summary: 'your check-ins',
  preconditions: [],
  privateAnswers: true,
  description: 'Check-in words in a direct message',
  args: [],
  offered: 'words',
  parse: (text) => (/^\/?status[.!?]*$/i.test(text) ? '' : null),
  run: ({ message, deps }) => checkinStatus(deps, message),
};

/** "stop", "unsubscribe", "stop check-ins": effective at once. */
export const stopWordsCommand: Command = {
  name: 'stop',
  usage: 'stop',
  summary: 'stop check-ins',
  preconditions: [],
  privateAnswers: true,
  description: 'Check-in words in a direct message',
  args: [],
  offered: 'words',
  parse: (text) => (/^\/?(?:stop|unsubscribe|stop\s+check-?ins?|stop\s+(?:the\s+)?messages)[.!]*$/i.test(text) ? '' : null),
  run: ({ message, deps }) => stopCheckins(deps, message),
};
