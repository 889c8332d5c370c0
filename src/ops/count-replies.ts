import { performance } from 'node:perf_hooks';
import type { Middleware } from '../conversation/middleware/turn';
import type { Metrics } from './metrics';

/**
 * Middleware (registered with `core.use`): each reply counted by platform and kind, and the time from here to the
 * decided reply observed on the latency histogram. Runs inside the built-in middleware, so an event stopped by the
 * rate limit or shed is not counted here (those have their own counters).
 */
export function countReplies(metrics: Metrics): Middleware {
  return async (turn, next) => {
    const started = performance.now();
    await next();
    if (!turn.reply) return;
    metrics.replies.inc({ platform: turn.message.platform, kind: turn.reply.kind });
    metrics.replySeconds.observe({ platform: turn.message.platform }, (performance.now() - started) / 1000);
  };
}
