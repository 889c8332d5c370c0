import { checkinStatus, startCheckins, stopCheckins } from '../checkins/checkin-service';
import { answerQuestion } from '../conversation/answer-question';
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
  moderatorOnly: false,
  hidden: true,
  parse: (text) => {
    const m = SUBSCRIBE.exec(text.replace(/[.!]+$/, ''));
    return m ? (m[1] ?? '').trim() : null;
  },
  run: ({ message, args, deps }) =>
    message.channel.isDirect ? startCheckins(deps, message, args) : answerQuestion(deps, message, message.text.trim()),
};

/** "status" on its own. */
export const statusWordCommand: Command = {
  name: 'status',
  usage: 'status',
  summary: 'your check-ins',
  moderatorOnly: false,
  hidden: true,
  parse: (text) => (/^\/?status[.!?]*$/i.test(text) ? '' : null),
  run: ({ message, deps }) => checkinStatus(deps, message),
};

/** "stop", "unsubscribe", "stop check-ins": effective at once. */
export const stopWordsCommand: Command = {
  name: 'stop',
  usage: 'stop',
  summary: 'stop check-ins',
  moderatorOnly: false,
  hidden: true,
  parse: (text) => (/^\/?(?:stop|unsubscribe|stop\s+check-?ins?|stop\s+(?:the\s+)?messages)[.!]*$/i.test(text) ? '' : null),
  run: ({ message, deps }) => stopCheckins(deps, message),
};
