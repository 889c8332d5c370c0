import { checkinAction } from '../../src/checkins/checkin-message';
import { CheckinScheduler } from '../../src/checkins/checkin-scheduler';
import { silentLogger } from '../../src/logging/logger';
import { sqlRows } from '../support/sql-rows';
import { createTestCore, type TestCore } from '../support/test-core';
import { press, RecordingAdapter } from './support/checkin-fixtures';
import { seedSubscription } from './support/seed';

const NOW = new Date('2026-11-26T10:00:00Z');

/** Issue 11 #9: check-in answers only count for a check-in that went out, and once per option. */
describe('check-in answers', () => {
  let t: TestCore;
  beforeEach(async () => {
    t = await createTestCore({ now: NOW });
    t.adapters.set('discord', new RecordingAdapter('discord'));
  });
  afterEach(() => t.cleanup());

  const responses = () => sqlRows<{ option_id: string }>(t.config.DATABASE_PATH, `SELECT option_id FROM checkin_responses ORDER BY id`);

  it('refuses an answer to a check-in that has not been sent yet', async () => {
    await seedSubscription(t.store, { userId: 'u1', checkinIds: ['day-1-redness'], dueAt: [NOW.getTime() + 3_600_000] });
    const [row] = sqlRows<{ id: number }>(t.config.DATABASE_PATH, `SELECT id FROM scheduled_checkins`);
    const option = t.knowledge.knowledge.checkins[0]!.options[0]!;
    const reply = await t.core.handle(press(checkinAction(row!.id, option, 0), 'u1'));
    expect(reply.text).toMatch(/not been sent yet/);
    expect(responses()).toEqual([]);
  });

  it('keeps one row however often the same button is pressed', async () => {
    await seedSubscription(t.store, { userId: 'u1', checkinIds: ['day-1-redness'], dueAt: [NOW.getTime() - 60_000], now: NOW.getTime() - 86_400_000 });
    const scheduler = new CheckinScheduler({ ...t.deps, logger: silentLogger(), cron: t.config.CHECKIN_CRON });
    expect(await scheduler.tick()).toMatchObject({ sent: 1 });
    await scheduler.stop();
    const [row] = sqlRows<{ id: number }>(t.config.DATABASE_PATH, `SELECT id FROM scheduled_checkins`);
    const [first, second] = t.knowledge.knowledge.checkins[0]!.options;
    for (let i = 0; i < 3; i++) expect((await t.core.handle(press(checkinAction(row!.id, first!, 0), 'u1'))).text).toBe(first!.guidance);
    expect(responses()).toEqual([{ option_id: first!.id }]);
    // A change of mind is still recorded.
    await t.core.handle(press(checkinAction(row!.id, second!, 1), 'u1'));
    expect(responses()).toEqual([{ option_id: first!.id }, { option_id: second!.id }]);
  });
});
