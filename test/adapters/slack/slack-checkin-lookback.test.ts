import { CheckinScheduler } from '../../../src/checkins/checkin-scheduler';
import { silentLogger } from '../../../src/logging/logger';
import type { Adapter } from '../../../src/platform/adapter';
import { PlatformError } from '../../../src/platform/platform-error';
import { sqlRow } from '../../support/sql-rows';
import { type SlackHarness, startSlackHarness } from './support/slack-harness';

/**
 * Issue 11 #2 (Slack): a check-in whose send reached Slack but whose outcome was never recorded (the response was
 * lost, or the process died before marking it) is looked for in the DM (message metadata carrying its nonce, read
 * back with conversations.history) instead of being sent again.
 */
describe('Slack check-in look-back before a resend', () => {
  let h: SlackHarness;
  beforeEach(async () => {
    h = await startSlackHarness({ mode: 'http' });
  });
  afterEach(() => h.stop());

  it('sends one DM when the first attempt reached Slack but its answer never came back', async () => {
    const now = h.testCore.clock.now().getTime();
    // Opted in by slash command in a channel: the address has no DM channel yet (conversations.open finds it).
    await h.testCore.store.checkins.subscriptions.replace(
      { platform: 'slack', userId: 'U0ALICE', address: { platform: 'slack', userId: 'U0ALICE' }, treatmentDate: '2026-11-25', sendMinute: 540, timezone: 'UTC' },
      [{ checkinId: 'day-1-redness', dueAt: now - 60_000, expiresAt: now + 8 * 3_600_000 }],
      now - 86_400_000,
    );
    // Slack accepts the message, then the connection drops before the bot hears so.
    let lost = 1;
    const lossy: Adapter = Object.assign(Object.create(h.adapter) as Adapter, {
      sendDirect: async (...args: Parameters<Adapter['sendDirect']>) => {
        const ref = await h.adapter.sendDirect(...args);
        if (lost-- > 0) throw new PlatformError('failed', 'socket hang up (the response was lost)');
        return ref;
      },
    });
    const scheduler = new CheckinScheduler({ ...h.testCore.deps, logger: silentLogger(), cron: '* * * * *', adapters: new Map([['slack', lossy]]) });
    try {
      expect(await scheduler.tick()).toMatchObject({ retried: 1 });
      expect(h.emu.calls('chat.postMessage').filter((c) => c.ok)).toHaveLength(1);
      h.testCore.clock.advance(60_000);
      expect(await scheduler.tick()).toMatchObject({ claimed: 1, sent: 1 });
      expect(h.emu.calls('conversations.history')).toHaveLength(1);
      expect(h.emu.calls('chat.postMessage').filter((c) => c.ok)).toHaveLength(1);
      expect(sqlRow<{ status: string }>(h.testCore.config.DATABASE_PATH, `SELECT status FROM scheduled_checkins`)?.status).toBe('sent');
    } finally {
      await scheduler.stop();
    }
  });
});
