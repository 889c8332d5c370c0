import type { Logger } from '../../logging/logger';
import type { Middleware } from './turn';

/** One debug line per event once its reply is decided. Message text is personal: it is logged only when `withContent` is on. */
export function logEvents(logger: Logger, withContent: boolean): Middleware {
  return async (turn, next) => {
    const started = performance.now();
    await next();
    const { message, reply } = turn;
    logger.debug(
      {
        platform: message.platform,
        event: turn.delivery.event,
        user: message.user.id,
        channel: message.channel.id,
        direct: message.channel.isDirect,
        route: turn.route,
        reply: reply?.kind,
        faqId: reply?.faqId,
        ms: Math.round(performance.now() - started),
        ...(withContent ? { text: message.text, action: message.action } : {}),
      },
      'event answered',
    );
  };
}
