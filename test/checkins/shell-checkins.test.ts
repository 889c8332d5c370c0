import { createAdvanceCommand } from '../../adapters/shell/advance-command';
import { SHELL_USER_ID } from '../../adapters/shell/shell-adapter';
import { CheckinScheduler } from '../../src/checkins/checkin-scheduler';
import { silentLogger } from '../../src/logging/logger';
import { createTestCore, type TestCore } from '../support/test-core';
import { ShellDriver } from './support/shell-driver';
import { sqlRow, sqlRows } from '../support/sql-rows';

const NOW = new Date('2026-11-26T10:00:00Z');

describe('check-ins in the terminal chat (shell adapter + /advance)', () => {
  let t: TestCore;
  let scheduler: CheckinScheduler;
  let driver: ShellDriver;
  let advance: ReturnType<typeof createAdvanceCommand>;

  beforeEach(async () => {
    t = await createTestCore({ now: NOW });
    scheduler = new CheckinScheduler({ ...t.deps, logger: silentLogger(), cron: '* * * * *' });
    advance = createAdvanceCommand({
      clock: t.clock,
      tick: (now) => scheduler.tick(now),
      nextDue: (after, until) => t.store.checkins.scheduled.nextPendingDue(after, until),
      zone: 'Europe/Berlin',
    });
    driver = new ShellDriver(t.core, advance.localCommand);
    t.adapters.set('shell', driver.shell);
    await driver.start();
  });
  afterEach(async () => {
    await driver.end();
    await advance.idle();
    await scheduler.stop();
    await t.cleanup();
  });

  it('subscribes, shows status, delivers check-ins, answers by number and by word, stops and forgets', async () => {
    const plan = t.knowledge.knowledge.checkins;
    const [day1, day2] = plan;
    expect(await driver.say('checkins start today 9 Europe/Berlin', /To stop:/)).toMatch(/^Check-ins are on\./);
    expect(await driver.say('status', /Type "stop"/)).toContain('Next: Fri 27 Nov 2026 at 09:00 (redness)');

    const first = await driver.say('/advance 1d', /clock moved on 1d/);
    expect(first).toContain(day1!.message);
    expect(first).toContain('[clock moved on 1d: it is now Fri 27 Nov 2026 at 11:00 (Europe/Berlin). 1 check-in sent (shown above).]');
    day1!.options.forEach((o, i) => {
      expect(first).toContain(`${i + 1}) ${o.label}`);
    });
    expect(first).toContain(`${day1!.options.length + 1}) Stop check-ins`);
    await advance.idle();

    const secondOption = day1!.options[1]!;
    expect(await driver.say('2', /\(General information/)).toContain(secondOption.guidance);
    const worse = day1!.options.find((o) => o.escalate)!;
    const escalated = await driver.say(worse.label.toLowerCase(), /\(General information/);
    expect(escalated).toContain(t.knowledge.knowledge.escalation);
    expect(escalated).toContain(worse.guidance);
    const faq = await driver.say('is peeling normal?', /\(General information/);
    expect(faq).toMatch(/new skin is forming/);
    expect(faq).not.toContain(day1!.options[0]!.guidance);

    const second = await driver.say('/advance 1d', /clock moved on 1d/);
    expect(second).toContain(day2!.message);
    await advance.idle();
    const peeling = day2!.options.find((o) => o.keywords.includes('peeling'))!;
    expect(await driver.say('peeling', /\(General information/)).toContain(peeling.guidance);

    expect(await driver.say('stop', /nothing more will be sent/)).toMatch(/Check-ins stopped\. I cancelled \d+ remaining/);
    const quiet = await driver.say('/advance 3d', /clock moved on 3d/);
    expect(quiet).toMatch(/No check-ins were due/);
    expect(quiet).not.toMatch(/Stop check-ins/);

    const forgotten = await driver.say('forget me', /Nothing more will be sent/);
    expect(forgotten).toContain('• 1 check-in subscription');
    expect(forgotten).toContain(`• ${plan.length} scheduled check-ins`);
    expect(forgotten).toContain('• 3 check-in answers');
    expect(forgotten).toContain('• 1 question record');
    for (const table of ['checkin_subscriptions', 'scheduled_checkins', 'checkin_responses', 'unreachable_users']) {
      expect(sqlRow(t.config.DATABASE_PATH, `SELECT COUNT(*) AS n FROM ${table}`)).toEqual({ n: 0 });
    }
    expect(sqlRow(t.config.DATABASE_PATH, `SELECT COUNT(*) AS n FROM question_events WHERE asker_key = ?`, t.store.askerKey('shell', SHELL_USER_ID))).toEqual({ n: 0 });
  });

  it('stops with the Stop choice of a check-in, and sends nothing afterwards', async () => {
    await driver.say('checkins start today 9 Europe/Berlin', /To stop:/);
    const shown = await driver.say('/advance 1d', /clock moved/);
    const stopNumber = /(\d+)\) Stop check-ins/.exec(shown)![1]!;
    await advance.idle();
    expect(await driver.say(stopNumber, /nothing more will be sent/)).toMatch(/^Check-ins stopped/);
    for (let day = 0; day < 15; day++) {
      expect(await driver.say('/advance 1d', /clock moved/)).toMatch(/No check-ins were due/);
    }
    expect(await t.store.checkins.scheduled.countByStatus()).toMatchObject({ sent: 1, pending: 0, sending: 0 });
  });

  it('/advance 10d sends every check-in due in those ten days, in order, and expires none', async () => {
    await driver.say('checkins start today 9 Europe/Berlin', /To stop:/);
    const plan = t.knowledge.knowledge.checkins;
    const within = plan.filter((c) => c.day <= 10);
    const jumped = await driver.say('/advance 10d', /clock moved on 10d/);
    expect(jumped).toContain(`${within.length} check-ins sent (shown above).]`);
    const positions = within.map((c) => jumped.indexOf(c.message));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(await t.store.checkins.scheduled.countByStatus()).toMatchObject({ sent: within.length, expired: 0, pending: plan.length - within.length });
    // Each went out at its own due time, as the cron task would have sent it.
    const rows = sqlRows(t.config.DATABASE_PATH, `SELECT due_at, sent_at FROM scheduled_checkins WHERE status = 'sent'`) as Array<{ due_at: number; sent_at: number }>;
    for (const row of rows) expect(row.sent_at - row.due_at).toBeLessThan(60_000);
  });

  it('watches the whole two weeks with /advance 6h, every check-in arriving once', async () => {
    await driver.say('checkins start today 9 Europe/Berlin', /To stop:/);
    for (let i = 0; i < 4 * 15; i++) await driver.say('/advance 6h', /clock moved on 6h/);
    await advance.idle();
    for (const checkin of t.knowledge.knowledge.checkins) {
      expect(driver.transcript.split(checkin.message).length - 1).toBe(1);
    }
    expect(await t.store.checkins.scheduled.countByStatus()).toMatchObject({ sent: t.knowledge.knowledge.checkins.length });
  });
});
