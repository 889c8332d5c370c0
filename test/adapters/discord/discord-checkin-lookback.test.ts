import { CheckinScheduler } from '../../../src/checkins/checkin-scheduler';
import { silentLogger } from '../../../src/logging/logger';
import type { Adapter } from '../../../src/platform/adapter';
import { PlatformError } from '../../../src/platform/platform-error';
import { sqlRow } from '../../support/sql-rows';
import { type Harness, startHarness } from './discord-harness';

/**
 * Issue 11 #2 (Discord): a check-in whose send reached Discord but was never recorded is resent with the same
 * nonce, which Discord only honours for a few minutes. Past that window the adapter looks in the DM first.
 */
describe('Discord check-in look-back before a resend', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(() => h.stop());

  it('sends one DM when the retry comes after Discord has forgotten the nonce', async () => {
    const alice = h.emu.createMember({ username: 'alice' });
    const now = h.testCore.clock.now().getTime();
    await h.testCore.store.checkins.subscriptions.replace(
      { platform: 'discord', userId: alice.id, address: { platform: 'discord', userId: alice.id }, treatmentDate: '2026-11-25', sendMinute: 540, timezone: 'UTC' },
      [{ checkinId: 'day-1-redness', dueAt: now - 60_000, expiresAt: now + 8 * 3_600_000 }],
      now - 86_400_000,
    );
    // Discord posts the message, then the answer is lost; the bot is back only after the nonce window.
    h.emu.state.nonceWindowMs = 0;
    let lost = 1;
    const lossy: Adapter = Object.assign(Object.create(h.adapter) as Adapter, {
      sendDirect: async (...args: Parameters<Adapter['sendDirect']>) => {
        const ref = await h.adapter.sendDirect(...args);
        if (lost-- > 0) throw new PlatformError('failed', 'connection reset (the response was lost)');
        return ref;
      },
    });
    const scheduler = new CheckinScheduler({ ...h.testCore.deps, logger: silentLogger(), cron: '* * * * *', adapters: new Map([['discord', lossy]]) });
    try {
      expect(await scheduler.tick()).toMatchObject({ retried: 1 });
      const dmPosts = () => h.emu.requests.all.filter((r) => r.method === 'POST' && /^\/channels\/\d+\/messages$/.test(r.path) && r.status === 200);
      expect(dmPosts()).toHaveLength(1);
      h.testCore.clock.advance(60_000);
      expect(await scheduler.tick()).toMatchObject({ claimed: 1, sent: 1 });
      expect(dmPosts()).toHaveLength(1);
      expect(sqlRow<{ status: string }>(h.testCore.config.DATABASE_PATH, `SELECT status FROM scheduled_checkins`)?.status).toBe('sent');
    } finally {
      await scheduler.stop();
    }
  });
});
