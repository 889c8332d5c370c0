import { CHECKIN_ACTION_PREFIX, STOP_ACTION, STOP_ACTION_PREFIX } from '../checkins/checkin-message';
import { answerCheckinButton, stopCheckins } from '../checkins/checkin-service';
import { infoReply } from '../conversation/reply';
import type { ActionHandler } from './command';

/** A check-in option button (`checkin:<scheduledId>:<optionId>`): that option's guidance. */
export const checkinOptionAction: ActionHandler = {
  prefix: CHECKIN_ACTION_PREFIX,
  preconditions: [],
  run: ({ message, deps, value }) => answerCheckinButton(deps, message, value),
};

/** The Stop button on every check-in (`checkins:stop`). */
export const checkinsStopAction: ActionHandler = {
  prefix: STOP_ACTION_PREFIX,
  preconditions: [],
  run: ({ message, deps, value }) =>
    STOP_ACTION_PREFIX + value === STOP_ACTION
      ? stopCheckins(deps, message)
      : infoReply('That button no longer does anything.', { kind: 'error', ephemeral: true }),
};
