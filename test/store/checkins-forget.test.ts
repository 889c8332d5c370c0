import { CheckinScheduler } from '../../src/checkins/checkin-scheduler';
import { silentLogger } from '../../src/logging/logger';
import { PlatformError } from '../../src/platform/platform-error';
import { dm, press, RecordingAdapter } from '../checkins/support/checkin-fixtures';
import { createTestCore, type TestCore } from '../support/test-core';
import { STORE_KINDS, type TestDatabase } from './support/store-kinds';

const NOW = new Date('2026-11-26T10:00:00Z');
const USER = 'forgettable-user-4711';
const OTHER = 'staying-user-0815';

/** Every row of every table, as text, with the ids of rows that hang off the user's subscriptions. */
async function rowsMentioning(db: TestDatabase, needles: string[], subscriptionIds: number[], scheduledIds: number[]): Promise<string[]> {
  const found: string[] = [];
  for (const name of await db.tables()) {
    for (const row of await db.rows<Record<string, unknown>>(`SELECT * FROM "${name}"`)) {
      const text = JSON.stringify(row);
      const linked =
        (name === 'checkin_subscriptions' && subscriptionIds.includes(row.id as number)) ||
        subscriptionIds.includes(row.subscription_id as number) ||
        (name === 'scheduled_checkins' && scheduledIds.includes(row.id as number)) ||
        scheduledIds.includes(row.scheduled_id as number);
      if (linked || needles.some((n) => text.includes(n))) found.push(`${name}: ${text}`);
    }
  }
  return found;
}

describe.each(STORE_KINDS)('forget me ($name)', (kind) => {
  let t: TestCore;
  let db: TestDatabase;
  beforeEach(async () => {
    db = await kind.database();
    t = await createTestCore({ now: NOW, env: db.env });
  });
  afterEach(async () => {
    await t.cleanup();
    await db.cleanup();
  });

  it('leaves zero rows about the user in every table, and the other users untouched', async () => {
    const adapter = new RecordingAdapter('discord');
    t.adapters.set('discord', adapter);
    const scheduler = new CheckinScheduler({ ...t.deps, logger: silentLogger(), cron: '* * * * *' });
    for (const id of [USER, OTHER]) await t.core.handle(dm('checkins start today 9 Europe/Berlin', { id }));
    // Rows in every check-in table: sent check-ins, answers by button and by word, questions, an unreachable mark.
    t.clock.set(new Date('2026-11-27T08:05:00Z'));
    await scheduler.tick();
    const mine = adapter.sentTo(USER)[0]!.reply;
    await t.core.handle(press(mine.buttons[0]!.action, USER));
    await t.core.handle(dm('still red', { id: USER }));
    await t.core.handle(dm('how long does the redness last?', { id: USER }));
    await t.core.handle(dm('can I tip my esthetician', { id: USER }));
    await t.core.handle(dm('still red', { id: OTHER }));
    await t.core.handle(dm('does it hurt?', { id: OTHER }));
    adapter.fail = (address) => (address.userId === USER ? new PlatformError('unreachable', 'cannot DM') : null);
    t.clock.set(new Date('2026-11-28T08:05:00Z'));
    await scheduler.tick();
    await scheduler.stop();

    const sub = (await t.store.checkins.subscriptions.get('discord', USER))!;
    expect(sub.status).toBe('paused');
    const scheduledIds = (await t.store.checkins.scheduled.forSubscription(sub.id)).map((r) => r.id);
    const needles = [USER, t.store.askerKey('discord', USER)];
    const before = await rowsMentioning(db, needles, [sub.id], scheduledIds);
    for (const table of ['checkin_subscriptions', 'scheduled_checkins', 'checkin_responses', 'unreachable_users', 'question_events']) {
      expect(before.some((r) => r.startsWith(`${table}:`))).toBe(true);
    }
    const othersBefore = (await rowsMentioning(db, [OTHER, t.store.askerKey('discord', OTHER)], [], [])).length;

    const reply = await t.core.handle(dm('forget me', { id: USER }));
    expect(reply.text).toContain('• 1 check-in subscription');
    expect(reply.text).toContain(`• ${t.knowledge.knowledge.checkins.length} scheduled check-ins`);
    expect(reply.text).toContain('• 2 check-in answers');
    expect(reply.text).toContain('• 1 note that I could not reach you');
    expect(reply.text).toContain('• 2 question records');

    expect(await rowsMentioning(db, needles, [sub.id], scheduledIds)).toEqual([]);
    expect((await rowsMentioning(db, [OTHER, t.store.askerKey('discord', OTHER)], [], [])).length).toBe(othersBefore);
    expect((await t.store.checkins.subscriptions.get('discord', OTHER))!.status).toBe('active');
  });
});
