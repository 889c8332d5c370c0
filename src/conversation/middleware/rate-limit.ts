import type { Clock } from '../../time/clock';
import { infoReply } from '../reply';
import type { Middleware } from './turn';

export interface RateLimitOptions {
  /** Events a person may send in a burst. */
  burst: number;
  /** One more event allowed every this many milliseconds. */
  refillMs: number;
}

/** Enough for a person, tight for a script: 5 at once, then one every 6 seconds (5 per 30 s sustained). */
export const DEFAULT_RATE_LIMIT: RateLimitOptions = { burst: 5, refillMs: 6000 };

export const SLOW_DOWN = 'You are sending messages faster than I can answer. Please wait a few seconds and try again.';

interface Bucket {
  tokens: number;
  at: number;
  /** The slow-down notice went out since the bucket last had a token: further messages are dropped silently. */
  noticed: boolean;
}

/**
 * A token bucket per person (platform + user id), on the injected clock. Over the limit a person gets one short
 * notice, then silence until a token is back: a flood of 1,000 mentions costs one reply, not 1,000, and the
 * platform's request budget stays with everyone else. Commands and buttons always get the notice (Discord shows
 * an error for an interaction left unanswered). The terminal is exempt: its one user runs the bot and pipes whole
 * files of questions into it. Buckets refilled to full are dropped, so the map only holds recently active people.
 */
export function rateLimit(clock: Clock, options: RateLimitOptions = DEFAULT_RATE_LIMIT): Middleware {
  const buckets = new Map<string, Bucket>();
  return async (turn, next) => {
    const { platform, user } = turn.message;
    if (platform === 'shell') return next();
    const now = clock.now().getTime();
    const key = `${platform}:${user.id}`;
    const bucket = buckets.get(key) ?? { tokens: options.burst, at: now, noticed: false };
    const tokens = Math.min(options.burst, bucket.tokens + Math.max(0, now - bucket.at) / options.refillMs);
    if (tokens < 1) {
      const interaction = turn.message.command !== undefined || turn.message.action !== undefined;
      buckets.set(key, { tokens, at: now, noticed: true });
      turn.route = 'rate limited';
      turn.reply = bucket.noticed && !interaction ? null : infoReply(SLOW_DOWN, { kind: 'error', ephemeral: true });
      return;
    }
    buckets.set(key, { tokens: tokens - 1, at: now, noticed: false });
    if (buckets.size > 10_000) {
      for (const [k, b] of buckets) if (b.tokens + (now - b.at) / options.refillMs >= options.burst) buckets.delete(k);
    }
    await next();
  };
}
