import type { Logger } from '../../logging/logger';
import { infoReply } from '../reply';
import type { Middleware } from './turn';

export const APOLOGY = 'Sorry, something went wrong. Please try again in a moment.';

/**
 * The one error boundary per incoming event, for every platform: a failure anywhere below (a handler, the
 * store, the platform refusing the answer) is logged with its cause, the person gets a short apology, and the
 * process carries on. An apology that cannot be sent either is logged and dropped.
 */
export function errorBoundary(logger: Logger): Middleware {
  return async (turn, next) => {
    try {
      await next();
    } catch (error) {
      const context = { platform: turn.message.platform, event: turn.delivery.event, user: turn.message.user.id, channel: turn.message.channel.id };
      logger.error({ err: error, ...context }, 'event failed');
      const apology = infoReply(APOLOGY, { kind: 'error', ephemeral: true });
      try {
        await (turn.delivery.apologize ?? turn.delivery.send).call(turn.delivery, apology);
        turn.reply = apology;
      } catch (apologyError) {
        logger.warn({ err: apologyError, ...context }, 'could not send the apology');
      }
    }
  };
}
