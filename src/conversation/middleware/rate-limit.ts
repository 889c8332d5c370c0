import type { Clock } from '../../time/clock';
import { infoReply } from '../reply';
import type { Middleware } from './turn';

export interface RateLimitOptions {
  /** Events a person may send in a burst. */
  burst: number;
  /** One more event allowed every this many milliseconds. */
  refillMs: number;
}

/** Generous for a person, tight for a script: 20 at once, then one every 3 seconds. */
export const DEFAULT_RATE_LIMIT: RateLimitOptions = { burst: 20, refillMs: 3000 };

export const SLOW_DOWN = 'You are sending messages faster than I can answer. Please wait a few seconds and try again.';

/**
 * A token bucket per person (platform + user id), on the injected clock. The terminal is exempt: its one user
 * runs the bot and pipes whole files of questions into it. Buckets refilled to full are dropped, so the map only
 * holds people active in the last minute or so.
 */
export function rateLimit(clock: Clock, options: RateLimitOptions = DEFAULT_RATE_LIMIT): Middleware {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return async (turn, next) => {
    const { platform, user } = turn.message;
    if (platform === 'shell') return next();
    const now = clock.now().getTime();
    const key = `${platform}:${user.id}`;
    const bucket = buckets.get(key) ?? { tokens: options.burst, at: now };
    const tokens = Math.min(options.burst, bucket.tokens + Math.max(0, now - bucket.at) / options.refillMs);
    if (tokens < 1) {
      buckets.set(key, { tokens, at: now });
      turn.route = 'rate limited';
      turn.reply = infoReply(SLOW_DOWN, { kind: 'error', ephemeral: true });
      return;
    }
    buckets.set(key, { tokens: tokens - 1, at: now });
    if (buckets.size > 10_000) {
      for (const [k, b] of buckets) if (b.tokens + (now - b.at) / options.refillMs >= options.burst) buckets.delete(k);
    }
    await next();
  };
}
