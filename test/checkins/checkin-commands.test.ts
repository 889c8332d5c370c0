import { CheckinScheduler } from '../../src/checkins/checkin-scheduler';
import { STOP_ACTION } from '../../src/checkins/checkin-message';
import { silentLogger } from '../../src/logging/logger';
import { createTestCore, type TestCore } from '../support/test-core';
import { dm, inChannel, press, RecordingAdapter } from './support/checkin-fixtures';
import { sqlRow, sqlRows } from '../support/sql-rows';

const NOW = new Date('2026-11-26T10:00:00Z'); // Thursday; 11:00 in Berlin
const USER = 'u-100';

function pendingRows(t: TestCore, userId = USER) {
  return sqlRows<{ checkin_id: string; due_at: number; status: string }>(
    t.config.DATABASE_PATH,
    `SELECT s.checkin_id, s.due_at, s.status FROM scheduled_checkins s
     JOIN checkin_subscriptions sub ON sub.id = s.subscription_id WHERE sub.user_id = ? AND s.status = 'pending' ORDER BY due_at`,
    userId,
  );
}

describe('check-in commands through the core', () => {
  let t: TestCore;
  let adapter: RecordingAdapter;
  let scheduler: CheckinScheduler;

  beforeEach(async () => {
    // One person types many commands in a row here; the rate limit is the flood test's subject.
    t = await createTestCore({ now: NOW, env: { DEFAULT_TIMEZONE: 'Asia/Tokyo', RATE_LIMIT_BURST: '1000' } });
    adapter = new RecordingAdapter('discord');
    t.adapters.set('discord', adapter);
    scheduler = new CheckinScheduler({ ...t.deps, logger: silentLogger(), cron: t.config.CHECKIN_CRON });
  });
  afterEach(async () => {
    await scheduler.stop();
    await t.cleanup();
  });

  const say = (text: string, user: Parameters<typeof dm>[1] = { id: USER }) => t.core.handle(dm(text, user));

  /** Moves the clock to the next pending check-in of USER and runs a tick; returns the DM it sent. */
  async function nextCheckin() {
    const next = pendingRows(t)[0]!;
    t.clock.set(new Date(next.due_at + 60_000));
    const before = adapter.sent.length;
    await scheduler.tick();
    expect(adapter.sent.length).toBe(before + 1);
    return adapter.sent[adapter.sent.length - 1]!.reply;
  }

  it('confirms what will be sent, how often, until when and how to stop', async () => {
    const reply = await say('checkins start today 9 Europe/Berlin');
    expect(reply.kind).toBe('info');
    expect(reply.ephemeral).toBe(false);
    const plan = t.knowledge.knowledge.checkins;
    expect(reply.text).toMatch(/^Check-ins are on\./);
    expect(reply.text).toContain(`${plan.length} short direct messages`);
    expect(reply.text).toMatch(/redness/);
    expect(reply.text).toMatch(/sunscreen/);
    expect(reply.text).toContain('after your treatment on Thu 26 Nov 2026, at 09:00 (Europe/Berlin)');
    const lastDay = plan[plan.length - 1]!.day;
    expect(reply.text).toContain(`Until: ${lastDay === 14 ? 'Thu 10 Dec 2026' : ''}`);
    expect(reply.text).toMatch(/type "stop"/);
    expect(pendingRows(t)).toHaveLength(plan.length);
    expect(await t.store.checkins.subscriptions.get('discord', USER)).toMatchObject({
      status: 'active',
      timezone: 'Europe/Berlin',
      treatmentDate: '2026-11-26',
      sendMinute: 540,
      address: { platform: 'discord', userId: USER, channelId: `D-${USER}` },
    });
  });

  it('starts a future treatment date then, and refuses dates too old, invalid dates and unknown zones', async () => {
    const future = await say('checkins start 2026-12-10 Europe/Berlin');
    expect(future.text).toContain('The first one comes Fri 11 Dec 2026 at 09:00');
    expect(pendingRows(t)[0]!.due_at).toBe(Date.parse('2026-12-11T08:00:00Z'));

    for (const [text, pattern] of [
      ['checkins start 2026-11-11 9 Europe/Berlin', /15 days ago/],
      ['checkins start 2026-02-30 9 Europe/Berlin', /"2026-02-30" is not a date/],
      ['checkins start today 9 Europe/Atlantis', /don't know the time zone "Europe\/Atlantis"/],
      ['checkins start 2027-06-01', /more than 90 days ahead/],
    ] as const) {
      const other = `u-${text.length}-${pattern.source.length}`;
      const reply = await say(text, { id: other });
      expect(reply.kind).toBe('error');
      expect(reply.text).toMatch(pattern);
      expect(reply.text).toMatch(/No check-ins were set up/);
      expect(await t.store.checkins.subscriptions.get('discord', other)).toBeNull();
    }
  });

  it('accepts a treatment exactly 14 days ago while a check-in is still ahead', async () => {
    const reply = await say('checkins start 2026-11-12 18:00 Europe/Berlin');
    expect(reply.text).toMatch(/^Check-ins are on/);
    expect(reply.text).toMatch(/already past and skipped/);
    expect(pendingRows(t).map((r) => r.checkin_id)).toEqual([t.knowledge.knowledge.checkins.at(-1)!.id]);
  });

  it('replaces the old plan when started again', async () => {
    await say('checkins start today 9 Europe/Berlin');
    const again = await say('checkins start yesterday 10am Europe/Berlin');
    expect(again.text).toMatch(/replaces your earlier plan/);
    const rows = pendingRows(t);
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => new Date(r.due_at).getUTCHours()))).toEqual(new Set([9])); // 10:00 CET
    const cancelled = sqlRow<{ n: number }>(t.config.DATABASE_PATH, `SELECT COUNT(*) AS n FROM scheduled_checkins WHERE status = 'cancelled'`)!;
    expect(cancelled.n).toBe(t.knowledge.knowledge.checkins.length);
    expect(await t.store.checkins.subscriptions.count()).toBe(1);
  });

  it('takes the zone from the profile, else the one typed, else DEFAULT_TIMEZONE', async () => {
    const profile = await say('checkins start today 9 Europe/Berlin', { id: 'slacker', timezone: 'America/New_York' });
    expect(profile.text).toContain('(America/New_York)');
    expect(profile.text).toMatch(/comes from your profile \(it is used instead of Europe\/Berlin\)/);
    expect((await t.store.checkins.subscriptions.get('discord', 'slacker'))!.timezone).toBe('America/New_York');
    await say('checkins start today 9', { id: 'plain' });
    expect((await t.store.checkins.subscriptions.get('discord', 'plain'))!.timezone).toBe('Asia/Tokyo');
    await say('checkins start today 9 america/chicago', { id: 'typed' });
    expect((await t.store.checkins.subscriptions.get('discord', 'typed'))!.timezone).toBe('America/Chicago');
  });

  it('moves a preferred hour inside quiet hours to their end and says so', async () => {
    const reply = await say('checkins start today 10:30pm Europe/Berlin');
    expect(reply.text).toMatch(/22:30 is inside the quiet hours \(21:00-08:00\).*08:00 instead/);
    for (const row of pendingRows(t)) expect(new Date(row.due_at).toISOString()).toMatch(/T07:00:00/);
  });

  it('opts in with plain words in a DM only; in a channel they are a question', async () => {
    const direct = await say('subscribe');
    expect(direct.text).toMatch(/^Check-ins are on/);
    expect(direct.text).toMatch(/I took today as the treatment date/);
    const channel = await t.core.handle(inChannel('start check-ins', 'u-chan'));
    expect(channel.text).not.toMatch(/Check-ins are on/);
    expect(await t.store.checkins.subscriptions.get('discord', 'u-chan')).toBeNull();
    const slash = await t.core.handle(inChannel('checkins start today', 'u-slash'));
    expect(slash.text).toMatch(/^Check-ins are on/);
    expect(slash.ephemeral).toBe(true);
    expect((await t.store.checkins.subscriptions.get('discord', 'u-slash'))!.address.channelId).toBeUndefined();
  });

  it('shows status: none, next check-in in local time with how many remain, stopped', async () => {
    expect((await say('status')).text).toMatch(/You have no check-ins/);
    await say('checkins start today 9 Europe/Berlin');
    const status = await say('checkins status');
    expect(status.text).toContain('Next: Fri 27 Nov 2026 at 09:00 (redness)');
    expect(status.text).toContain(`${t.knowledge.knowledge.checkins.length} remaining`);
    await say('stop');
    expect((await say('status')).text).toMatch(/You stopped your check-ins/);
  });

  it('stops at once with "stop", "unsubscribe", "checkins stop" and the Stop button, and confirms', async () => {
    for (const words of ['stop', 'unsubscribe', 'checkins stop']) {
      await say('checkins start today 9 Europe/Berlin');
      const reply = await say(words);
      expect(reply.text).toMatch(/^Check-ins stopped\. I cancelled \d+ remaining check-ins; nothing more will be sent/);
      expect(pendingRows(t)).toHaveLength(0);
    }
    await say('checkins start today 9 Europe/Berlin');
    const dmReply = await nextCheckin();
    expect(dmReply.buttons.at(-1)).toEqual({ label: 'Stop check-ins', action: STOP_ACTION, style: 'danger' });
    const pressed = await t.core.handle(press(STOP_ACTION, USER));
    expect(pressed.text).toMatch(/^Check-ins stopped/);
    expect(pendingRows(t)).toHaveLength(0);
    expect((await say('stop')).text).toMatch(/nothing to stop/);
  });

  it('answers a check-in button with the option guidance, escalating where the plan says', async () => {
    await say('checkins start today 9 Europe/Berlin');
    const checkin = await nextCheckin();
    const plan = t.knowledge.knowledge.checkins[0]!;
    expect(checkin.text).toContain(plan.message);
    expect(checkin.buttons.map((b) => b.label)).toEqual([...plan.options.map((o) => o.label), 'Stop check-ins']);
    const calm = plan.options.find((o) => !o.escalate)!;
    const calmButton = checkin.buttons.find((b) => b.label === calm.label)!;
    const guidance = await t.core.handle(press(calmButton.action, USER));
    expect(guidance.text).toBe(calm.guidance);
    expect(guidance.sources).toEqual(calm.sources);
    const urgent = plan.options.find((o) => o.escalate)!;
    const escalation = await t.core.handle(press(checkin.buttons.find((b) => b.label === urgent.label)!.action, USER));
    expect(escalation.kind).toBe('escalation');
    expect(escalation.text).toBe(`${t.knowledge.knowledge.escalation}\n\n${urgent.guidance}`);
    const responses = sqlRows(t.config.DATABASE_PATH, `SELECT option_id, via FROM checkin_responses ORDER BY id`);
    expect(responses).toEqual([
      { option_id: calm.id, via: 'button' },
      { option_id: urgent.id, via: 'button' },
    ]);
    // Someone else pressing it gets nothing of this user's.
    const stranger = await t.core.handle(press(calmButton.action, 'u-other'));
    expect(stranger.text).toMatch(/no longer active/);
  });

  it('answers plain words in a DM while a check-in awaits, and leaves questions to the FAQ', async () => {
    const before = await say('peeling');
    expect(before.kind).not.toBe('info'); // no check-in awaiting: a question like any other
    await say('checkins start today 9 Europe/Berlin');
    await nextCheckin(); // day 1: redness
    const plan = t.knowledge.knowledge.checkins;
    const stillRed = plan[0]!.options.find((o) => o.keywords.includes('still'))!;
    expect((await say('still red')).text).toBe(stillRed.guidance);
    const worse = await say('worse');
    expect(worse.kind).toBe('escalation');
    const question = await say('is peeling normal?');
    expect(question.kind).toBe('answer');
    expect(question.faqId).toBe('peeling-and-shedding');
    await nextCheckin(); // day 2: pinkness and peeling
    const peeling = plan[1]!.options.find((o) => o.keywords.includes('peeling'))!;
    expect((await say('peeling')).text).toBe(peeling.guidance);
    // In a channel the same words are a question.
    expect((await t.core.handle(inChannel('peeling', USER))).text).not.toBe(peeling.guidance);
    const responses = sqlRows(t.config.DATABASE_PATH, `SELECT option_id, via FROM checkin_responses ORDER BY id`);
    expect(responses).toEqual([
      { option_id: stillRed.id, via: 'text' },
      { option_id: plan[0]!.options.find((o) => o.escalate)!.id, via: 'text' },
      { option_id: peeling.id, via: 'text' },
    ]);
  });

  it('sends warning signs typed as an answer to the red-flag rules', async () => {
    await say('checkins start today 9 Europe/Berlin');
    await nextCheckin();
    const reply = await say('still red and I have a fever');
    expect(reply.kind).toBe('escalation');
    expect(reply.text).toBe(t.knowledge.knowledge.escalation);
  });

  it('forgets everything about the user and says what was deleted', async () => {
    await say('checkins start today 9 Europe/Berlin');
    await nextCheckin();
    await say('still red');
    await say('how long does redness last?');
    const reply = await say('forget me');
    expect(reply.text).toMatch(/^Done: I deleted everything/);
    expect(reply.text).toContain('• 1 check-in subscription');
    expect(reply.text).toContain(`• ${t.knowledge.knowledge.checkins.length} scheduled check-ins`);
    expect(reply.text).toContain('• 1 check-in answer\n');
    expect(reply.text).toContain('• 1 question record');
    expect(await t.store.checkins.subscriptions.get('discord', USER)).toBeNull();
    expect((await say('forget-me')).text).toContain('• 0 check-in subscriptions');
  });
});
