import { PG_MIGRATIONS } from '../../src/store/postgres/pg-migrations';
import { STORE_KINDS, type StoreUnderTest } from './support/store-kinds';

const NOW = new Date('2026-11-26T10:00:00Z');
const ref = (messageId: string) => ({ platform: 'discord' as const, channelId: 'C1', messageId });

describe.each(STORE_KINDS)('the $name store', (kind) => {
  let db: StoreUnderTest;
  beforeEach(async () => {
    db = await kind.create();
  });
  afterEach(() => db.cleanup());

  it('records one pin per channel and entry: of two moderators pinning at once, one is told the other won', async () => {
    const other = await db.open();
    const [a, b] = await Promise.all([
      db.store.pins.add(ref('m1'), 'pain', 'v1', 'h1', NOW),
      other.pins.add(ref('m2'), 'pain', 'v1', 'h1', NOW),
    ]);
    expect([a.created, b.created].sort()).toEqual([false, true]);
    expect(a.pin.id).toBe(b.pin.id);
    expect(await db.rows(`SELECT faq_id FROM faq_pins`)).toEqual([{ faq_id: 'pain' }]);
    const pin = (await db.store.pins.find('discord', 'C1', 'pain'))!;
    await db.store.pins.updated(pin.id, 'v2', 'h2');
    expect(await db.store.pins.inChannel('discord', 'C1')).toEqual([expect.objectContaining({ knowledgeVersion: 'v2', answerHash: 'h2' })]);
    await db.store.pins.remove(pin.id);
    expect(await db.store.pins.all()).toEqual([]);
  });

  it('answers an event id once, whichever process sees it first', async () => {
    const other = await db.open();
    const seen = await Promise.all([db.store.events.firstSeen('slack', 'Ev1', NOW.getTime()), other.events.firstSeen('slack', 'Ev1', NOW.getTime())]);
    expect(seen.sort()).toEqual([false, true]);
    expect(await db.store.events.firstSeen('slack', 'Ev2', NOW.getTime())).toBe(true);
  });

  it('keeps the question log: gaps, stats, the per-asker count, prune and forget', async () => {
    const q = db.store.questions;
    const key = db.store.askerKey('discord', 'U1');
    await q.record({ askedAt: NOW, outcome: 'answered', faqId: 'pain', question: 'does it hurt', askerKey: key });
    await q.record({ askedAt: NOW, outcome: 'declined', faqId: null, question: 'can i tip', askerKey: key });
    await q.record({ askedAt: NOW, outcome: 'declined', faqId: null, question: 'can i tip', askerKey: 'other' });
    await q.record({ askedAt: new Date(NOW.getTime() - 40 * 86_400_000), outcome: 'escalated', faqId: null, question: 'x', askerKey: key });
    const since = new Date(NOW.getTime() - 86_400_000);
    expect(await q.gaps(since, 10)).toEqual([{ question: 'can i tip', count: 2, lastSeen: NOW }]);
    const stats = await q.stats(since);
    expect(stats).toMatchObject({ total: 3, answered: 1, declined: 2, escalated: 0 });
    expect([...stats.perEntry]).toEqual([['pain', 1]]);
    expect(await q.countForAsker(key, since)).toBe(2);
    expect(await q.prune(new Date(NOW.getTime() - 30 * 86_400_000))).toBe(1);
    expect(await q.forget(key)).toBe(2);
    expect(await q.count()).toBe(1);
    expect(await db.rows(`SELECT question FROM question_events`)).toEqual([{ question: 'can i tip' }]);
  });

  it('rolls back all of a transaction that throws, and commits one that does not', async () => {
    const input = { platform: 'discord' as const, userId: 'u', address: { platform: 'discord' as const, userId: 'u' }, treatmentDate: '2026-11-26', sendMinute: 540, timezone: 'UTC' };
    await expect(
      db.store.inTransaction(async () => {
        await db.store.checkins.subscriptions.replace(input, [{ checkinId: 'c', dueAt: 1, expiresAt: 2 }], 0);
        throw new Error('half-way');
      }),
    ).rejects.toThrow('half-way');
    expect(await db.store.checkins.subscriptions.count()).toBe(0);
    await db.store.inTransaction(() => db.store.checkins.subscriptions.replace(input, [], 0));
    expect(await db.store.checkins.subscriptions.count()).toBe(1);
  });

  it('takes a readiness write, and migrates once when several processes start together', async () => {
    await db.store.checkWritable(NOW);
    const more = await Promise.all([db.open(), db.open(), db.open()]);
    for (const store of more) await store.checkWritable(NOW);
    expect(await db.rows(`SELECT value FROM meta WHERE key = 'readiness_checked_at'`)).toEqual([{ value: NOW.toISOString() }]);
    if (kind.name === 'postgres') {
      expect(await db.rows(`SELECT version FROM schema_migrations ORDER BY version`)).toEqual(PG_MIGRATIONS.map((_, i) => ({ version: i + 1 })));
    }
  });
});
