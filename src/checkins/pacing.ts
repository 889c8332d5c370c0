import Bottleneck from 'bottleneck';
import type { Platform } from '../conversation/incoming-message';

/** How fast check-ins may go out on one platform. */
export interface PlatformPace {
  /** Sends per second for the whole platform (the limiter spaces them 1000/perSecond ms apart). */
  perSecond: number;
  /** Sends per second into any one channel, when the platform limits that too. */
  perChannelPerSecond?: number;
  /** Sends in flight at once (hides request latency without raising the rate). */
  maxConcurrent: number;
}

/**
 * Defaults, chosen to stay well under each platform's published limits so the normal path never meets a 429:
 * - Discord: 50 requests/s per bot globally; a check-in DM may cost two requests (open the DM channel, then
 *   post), so 20 check-ins/s keeps us at most at 40 requests/s.
 * - Slack: chat.postMessage allows about 1 message per second per channel (short bursts tolerated), so 1/s per
 *   DM channel, and 10/s overall so the workspace-wide Web API limits (and conversations.open, tier 3) hold.
 * - shell: no limit; sends print in the terminal at once (the demo's /advance waits for each tick).
 */
export const DEFAULT_PACING: Readonly<Record<Platform, PlatformPace | null>> = {
  shell: null,
  discord: { perSecond: 20, maxConcurrent: 5 },
  slack: { perSecond: 10, perChannelPerSecond: 1, maxConcurrent: 5 },
};

/**
 * The pace for one of `senders` processes sending through the same bot (CHECKIN_SENDERS): a platform's limit is per
 * bot, not per process, so each takes 1/senders of every rate and the processes together stay within the limit.
 * A fixed share needs no coordination through the database; a process that is down leaves its share unused.
 */
export function sharePacing(
  pacing: Readonly<Partial<Record<Platform, PlatformPace | null>>>,
  senders: number,
): Partial<Record<Platform, PlatformPace | null>> {
  const shared: Partial<Record<Platform, PlatformPace | null>> = {};
  for (const [platform, pace] of Object.entries(pacing) as Array<[Platform, PlatformPace | null]>) {
    shared[platform] = pace && {
      perSecond: pace.perSecond / senders,
      ...(pace.perChannelPerSecond ? { perChannelPerSecond: pace.perChannelPerSecond / senders } : {}),
      maxConcurrent: Math.max(1, Math.ceil(pace.maxConcurrent / senders)),
    };
  }
  return shared;
}

/** One limiter per platform (plus one per channel where the platform needs it), shared by every tick. */
export class PlatformLimiters {
  private readonly global = new Map<Platform, Bottleneck>();
  private readonly perChannel = new Map<Platform, Bottleneck.Group>();

  constructor(private readonly pacing: Readonly<Partial<Record<Platform, PlatformPace | null>>> = DEFAULT_PACING) {}

  /** Runs `job` when the platform's (and channel's) pace allows; unpaced platforms run it at once. */
  schedule<T>(platform: Platform, channelKey: string, job: () => Promise<T>): Promise<T> {
    const pace = this.pacing[platform];
    if (!pace) return job();
    let global = this.global.get(platform);
    if (!global) {
      global = new Bottleneck({ minTime: Math.ceil(1000 / pace.perSecond), maxConcurrent: pace.maxConcurrent });
      this.global.set(platform, global);
    }
    if (!pace.perChannelPerSecond) return global.schedule(job);
    let group = this.perChannel.get(platform);
    if (!group) {
      const shared = global;
      group = new Bottleneck.Group({ minTime: Math.ceil(1000 / pace.perChannelPerSecond), maxConcurrent: 1 });
      group.on('created', (limiter) => {
        limiter.chain(shared);
      });
      this.perChannel.set(platform, group);
    }
    return group.key(channelKey).schedule(job);
  }

  /** Lets running jobs finish and releases the limiters' timers. */
  async stop(): Promise<void> {
    const groups = [...this.perChannel.values()];
    const limiters = [...this.global.values()];
    this.perChannel.clear();
    this.global.clear();
    await Promise.all(groups.map((g) => g.disconnect(false)));
    await Promise.all(limiters.map((l) => l.disconnect(false)));
  }
}
