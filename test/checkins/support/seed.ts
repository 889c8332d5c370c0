import type { Platform } from '../../../src/conversation/incoming-message';
import type { Store } from '../../../src/store/store';

const HOUR = 3_600_000;

/** Opts a user in directly in the store with check-ins due at the given times (the plan's ids, in order). */
export async function seedSubscription(
  store: Store,
  options: { userId: string; platform?: Platform; checkinIds: string[]; dueAt: number[]; windowHours?: number; now?: number },
): Promise<number> {
  const platform = options.platform ?? 'discord';
  const { subscription } = await store.checkins.subscriptions.replace(
    {
      platform,
      userId: options.userId,
      address: { platform, userId: options.userId, channelId: `D-${options.userId}` },
      treatmentDate: '2026-11-26',
      sendMinute: 540,
      timezone: 'UTC',
    },
    options.dueAt.map((dueAt, i) => ({
      checkinId: options.checkinIds[i % options.checkinIds.length]!,
      dueAt,
      expiresAt: dueAt + (options.windowHours ?? 8) * HOUR,
    })),
    options.now ?? Date.parse('2026-11-26T00:00:00Z'),
  );
  return subscription.id;
}

export function statusCounts(store: Store): Promise<Record<string, number>> {
  return store.checkins.scheduled.countByStatus();
}
