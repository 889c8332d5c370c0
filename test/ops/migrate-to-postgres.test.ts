import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createPostgresStore } from '../../src/store/postgres/postgres-store';
import { createStore } from '../../src/store/store';
import { seedSubscription } from '../checkins/support/seed';
import { createTestSchema, describeWithPostgres, type TestSchema } from '../support/postgres/test-schema';
import { runTs } from '../support/run-process';
import { sqlRows } from '../support/sql-rows';

const TABLES = ['meta', 'question_events', 'checkin_subscriptions', 'scheduled_checkins', 'checkin_responses', 'unreachable_users', 'faq_pins', 'seen_events'];
const NOW = Date.parse('2026-11-26T10:00:00Z');
const SECRET = 'k'.repeat(64);

describeWithPostgres()('npm run migrate-to-postgres', () => {
  let dir: string;
  let schema: TestSchema;
  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'aftercare-migrate-'));
    schema = await createTestSchema();
  });
  afterEach(async () => {
    await schema.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('copies a seeded SQLite database row for row, and the bot carries on from it on PostgreSQL', async () => {
    const file = path.join(dir, 'bot.db');
    const sqlite = createStore(file, { askerSecret: SECRET });
    for (let i = 0; i < 1200; i++) {
      await sqlite.questions.record({ askedAt: new Date(NOW), outcome: i % 3 ? 'answered' : 'declined', faqId: 'pain', question: `q${i % 7}`, askerKey: sqlite.askerKey('discord', `u${i % 5}`) });
    }
    const subscriptionId = await seedSubscription(sqlite, { userId: 'alice', checkinIds: ['day-1-redness', 'day-2-pinkness-and-peeling'], dueAt: [NOW - 1000, NOW + 86_400_000] });
    await seedSubscription(sqlite, { userId: 'bob', checkinIds: ['day-1-redness'], dueAt: [NOW - 1000] });
    const [claimed] = (await sqlite.checkins.scheduled.claimDue(NOW, { leaseMs: 60_000, limit: 1, claimToken: 't', platforms: ['discord'] })).claimed;
    await sqlite.checkins.scheduled.markSent(claimed!.id, 't', NOW);
    await sqlite.checkins.responses.record({ scheduledId: claimed!.id, subscriptionId, checkinId: 'day-1-redness', optionId: 'better', via: 'button', respondedAt: NOW });
    await sqlite.checkins.unreachable.mark('discord', 'bob', 'cannot DM', NOW);
    await sqlite.pins.add({ platform: 'slack', channelId: 'C1', messageId: '1.1' }, 'pain', 'v1', 'h', new Date(NOW));
    await sqlite.events.firstSeen('slack', 'Ev1', NOW);
    await sqlite.checkWritable(new Date(NOW));
    await sqlite.close();
    const before = Object.fromEntries(TABLES.map((t) => [t, sqlRows<{ n: number }>(file, `SELECT COUNT(*) AS n FROM ${t}`)[0]!.n]));
    for (const t of TABLES) expect(before[t]).toBeGreaterThan(0);

    const run = await runTs('src/ops/migrate-to-postgres-cli.ts', [file, schema.url]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    for (const t of TABLES) {
      expect(await schema.rows(`SELECT COUNT(*) AS n FROM ${t}`)).toEqual([{ n: before[t] }]);
      expect(run.stdout).toContain(`${t}: ${before[t]}`);
    }
    expect(run.stdout).not.toContain(schema.url);

    // The same secret finds the copied records; new rows get ids after the copied ones.
    const pg = await createPostgresStore(schema.url, { askerSecret: SECRET, askerKeyFile: '/nonexistent' });
    try {
      expect((await pg.checkins.subscriptions.get('discord', 'alice'))!.id).toBe(subscriptionId);
      expect(await pg.questions.countForAsker(pg.askerKey('discord', 'u1'), new Date(NOW - 1))).toBe(240);
      const { subscription } = await pg.checkins.subscriptions.replace(
        { platform: 'discord', userId: 'carol', address: { platform: 'discord', userId: 'carol' }, treatmentDate: '2026-11-26', sendMinute: 540, timezone: 'UTC' },
        [],
        NOW,
      );
      expect(subscription.id).toBeGreaterThan(subscriptionId);
      expect(await pg.checkins.scheduled.countByStatus()).toMatchObject({ sent: 1, pending: 2 });
    } finally {
      await pg.close();
    }

    // Run twice by mistake: refused, nothing doubled.
    const again = await runTs('src/ops/migrate-to-postgres-cli.ts', [file, schema.url]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already holds rows .*copy into an empty one/);
    expect(await schema.rows(`SELECT COUNT(*) AS n FROM question_events`)).toEqual([{ n: 1200 }]);
  });
});
