import { wordsFor } from './command';
import { checkinsStopCommand, checkinsStatusCommand } from './checkins-command';
import { checkinsStartCommand } from './checkins-start-command';

/**
 * Plain words in a DM: "subscribe", "start check-ins" (optionally followed by date, hour, zone). In a channel
 * they are not a command: the text is answered as a question, as any other.
 */
export const subscribeWordsCommand = wordsFor(checkinsStartCommand, {
  name: 'subscribe',
  words: /^(?:subscribe|start\s+check-?ins?|sign\s+me\s+up)(?:[\s,:]+([\s\S]*?))?[.!]*$/i,
  preconditions: ['direct'],
});

/** "status" on its own. */
export const statusWordCommand = wordsFor(checkinsStatusCommand, { name: 'status', words: /^\/?status[.!?]*$/i });

/** "stop", "unsubscribe", "stop check-ins": effective at once. */
export const stopWordsCommand = wordsFor(checkinsStopCommand, {
  name: 'stop',
  words: /^\/?(?:stop|unsubscribe|stop\s+check-?ins?|stop\s+(?:the\s+)?messages)[.!]*$/i,
});
