import { performance } from 'node:perf_hooks';
import type { Middleware } from '../conversation/middleware/turn';
import type { Metrics } from './metrics';

/**
 * Middleware (registered with `core.use`): each reply counted by platform and kind, and the time from here to the
 * decided reply observed on the latency histogram. A failure below counts as kind `error` (the error boundary
 * sends the apology). It runs inside the built-in middleware, so an event stopped by the rate limit is not counted
 * here, and shed events never reach the pipeline (`aftercare_events_shed_total` counts those).
 */
export function countReplies(metrics: Metrics): Middleware {
  return async (turn, next) => {
    const started = performance.now();
    const observe = (kind: string) => {
      metrics.replies.inc({ platform: turn.message.platform, kind });
      metrics.replySeconds.observe({ platform: turn.message.platform }, (performance.now() - started) / 1000);
    };
    try {
      await next();
    } catch (error) {
      observe('error');
      throw error;
    }
    if (turn.reply) observe(turn.reply.kind);
  };
}
