import { STOP_ACTION } from '../../../src/checkins/checkin-message';
import { CheckinScheduler, SCHEDULER_DEFAULTS } from '../../../src/checkins/checkin-scheduler';
import { silentLogger } from '../../../src/logging/logger';
import type { Adapter } from '../../../src/platform/adapter';
import type { ApiMessage, ApiUser, DiscordEmulator, RecordedRequest } from '../../emulators/discord';
import { type CallbackBody, EPHEMERAL, type Harness, registerCommands, startHarness } from './discord-harness';
import { sqlRow } from '../../support/sql-rows';

/** 2026-11-27 09:01 in Berlin: day 1 of a treatment "today" (the harness clock starts 2026-11-26 10:00 UTC). */
const DAY_1 = new Date('2026-11-27T08:01:00Z');
const DAY_MS = 86_400_000;
const CHECKIN_TABLES = ['checkin_subscriptions', 'scheduled_checkins', 'checkin_responses', 'unreachable_users'] as const;

async function callback(emu: DiscordEmulator, interaction: ReturnType<DiscordEmulator['slash']>): Promise<CallbackBody> {
  return (await emu.waitForInteractionCallback(interaction)).body as CallbackBody;
}

function messagePosts(emu: DiscordEmulator, channelId: string): RecordedRequest[] {
  return emu.requestsTo('POST', `/channels/${channelId}/messages`);
}

function buttonsOf(message: ApiMessage): Array<{ custom_id?: string; label?: string }> {
  return message.components.flatMap((row) => row.components ?? []);
}

describe('check-ins over Discord: slash commands, DMs from the scheduler, buttons', () => {
  let h: Harness;
  let scheduler: CheckinScheduler;
  let alice: ApiUser;

  beforeEach(async () => {
    h = await startHarness();
    registerCommands(h.emu);
    scheduler = new CheckinScheduler({ ...h.testCore.deps, logger: silentLogger(), cron: '* * * * *' });
    alice = h.emu.createMember({ username: 'alice' });
  });
  afterEach(async () => {
    await scheduler.stop();
    await h.stop();
  });

  const plan = () => h.testCore.knowledge.knowledge.checkins;
  const count = (table: string): number => (sqlRow<{ n: number }>(h.testCore.config.DATABASE_PATH, `SELECT COUNT(*) AS n FROM ${table}`)!).n;
  const startInChannel = async (user: ApiUser, options: Record<string, string> = { date: 'today', hour: '9', timezone: 'Europe/Berlin' }) =>
    callback(h.emu, h.emu.slash(user, 'checkins', options, { subcommand: 'start' }));

  it('/checkins start → a private confirmation; when due, the check-in arrives as a DM (open DM, then a POST with nonce + enforce_nonce)', async () => {
    const confirmation = await startInChannel(alice);
    expect(confirmation).toMatchObject({ type: 4, data: { flags: EPHEMERAL } });
    expect(confirmation.data?.content).toMatch(/^Check-ins are on\./);
    expect(confirmation.data?.content).toContain('at 09:00 (Europe/Berlin)');
    expect(confirmation.data?.content).toMatch(/To stop: type "stop"/);
    expect(h.seen[0]).toMatchObject({ text: 'checkins start today 9 Europe/Berlin', channel: { isDirect: false } });
    // Nothing goes out before it is due.
    h.testCore.clock.set(new Date(DAY_1.getTime() - 2 * 60_000));
    expect(await scheduler.tick()).toMatchObject({ claimed: 0 });
    expect(h.emu.requestsTo('POST', '/users/@me/channels')).toHaveLength(0);

    h.testCore.clock.set(DAY_1);
    expect(await scheduler.tick()).toMatchObject({ claimed: 1, sent: 1 });
    const [open] = h.emu.requestsTo('POST', '/users/@me/channels');
    expect(open?.body).toEqual({ recipient_id: alice.id });
    const dm = h.emu.dmChannelOf(alice)!;
    const [post] = messagePosts(h.emu, dm);
    expect(messagePosts(h.emu, dm)).toHaveLength(1);
    expect(h.emu.requests.all.indexOf(open!)).toBeLessThan(h.emu.requests.all.indexOf(post!));
    const sub = (await h.testCore.store.checkins.subscriptions.get('discord', alice.id))!;
    const row = (await h.testCore.store.checkins.scheduled.forSubscription(sub.id))[0]!;
    expect(row).toMatchObject({ status: 'sent', checkinId: plan()[0]!.id, attempts: 1 });
    expect(post!.body).toMatchObject({ nonce: row.nonce, enforce_nonce: true, allowed_mentions: { parse: [] } });
    const checkin = post!.response as ApiMessage;
    expect(checkin.content).toContain(plan()[0]!.message.trim().slice(0, 40));
    expect(buttonsOf(checkin).map((b) => b.label)).toEqual([...plan()[0]!.options.map((o) => o.label), 'Stop check-ins']);
  });

  it('an option button answers with its guidance; the Stop button stops at once and nothing more is sent', async () => {
    await startInChannel(alice);
    h.testCore.clock.set(DAY_1);
    expect(await scheduler.tick()).toMatchObject({ sent: 1 });
    const dm = h.emu.dmChannelOf(alice)!;
    const checkin = messagePosts(h.emu, dm)[0]!.response as ApiMessage;

    const option = plan()[0]!.options.find((o) => !o.escalate)!;
    const button = buttonsOf(checkin).find((b) => b.label === option.label)!;
    const guidance = await callback(h.emu, h.emu.clickButton(alice, checkin, button.custom_id!));
    expect(guidance.type).toBe(4);
    expect(guidance.data?.content).toContain(option.guidance.trim().slice(0, 40));
    expect(count('checkin_responses')).toBe(1);

    const stopped = await callback(h.emu, h.emu.clickButton(alice, checkin, STOP_ACTION));
    expect(stopped.data?.content).toMatch(/^Check-ins stopped\. I cancelled \d+ remaining check-ins; nothing more will be sent\./);
    expect((await h.testCore.store.checkins.subscriptions.get('discord', alice.id))?.status).toBe('stopped');

    for (let day = 1; day <= 15; day++) {
      h.testCore.clock.set(new Date(DAY_1.getTime() + day * DAY_MS));
      expect(await scheduler.tick()).toMatchObject({ claimed: 0 });
    }
    expect(messagePosts(h.emu, dm)).toHaveLength(1);
  });

  it('an answer typed in words in the DM gets that option’s guidance, and an escalating one the escalation text', async () => {
    await startInChannel(alice);
    h.testCore.clock.set(DAY_1);
    expect(await scheduler.tick()).toMatchObject({ sent: 1 });
    const dm = h.emu.dmChannelOf(alice)!;
    const options = plan()[0]!.options;
    const calm = options.find((o) => !o.escalate && o.keywords.length > 0)!;
    const worse = options.find((o) => o.escalate && o.keywords.length > 0)!;

    const typed = h.emu.dm(alice, calm.keywords[0]!);
    const reply = (await h.emu.waitForReplyTo(typed)).message;
    expect(reply.channel_id).toBe(dm);
    expect(reply.content).toContain(calm.guidance.trim().slice(0, 40));

    const alarmed = h.emu.dm(alice, worse.keywords[0]!);
    const escalation = (await h.emu.waitForReplyTo(alarmed)).message;
    expect(escalation.content).toContain(h.testCore.knowledge.knowledge.escalation.slice(0, 40));
    expect(count('checkin_responses')).toBe(2);
  });

  it('plain words in a DM opt in too ("start check-ins …"), and the DM gets the check-in', async () => {
    const asked = h.emu.dm(alice, 'start check-ins today 9am America/New_York');
    const { message } = await h.emu.waitForReplyTo(asked);
    expect(message.content).toMatch(/^Check-ins are on\./);
    expect(message.content).toContain('(America/New_York)');
    const dm = h.emu.dmChannelOf(alice)!;
    expect(message.channel_id).toBe(dm);

    h.testCore.clock.set(new Date('2026-11-27T14:01:00Z')); // 09:01 in New York
    expect(await scheduler.tick()).toMatchObject({ sent: 1 });
    const posts = messagePosts(h.emu, dm);
    expect(posts).toHaveLength(2);
    expect(posts[1]!.body).toMatchObject({ enforce_nonce: true, nonce: expect.any(String) });
    expect((posts[1]!.response as ApiMessage).content).toContain(plan()[0]!.message.trim().slice(0, 40));
  });

  it('/checkins status and /checkins stop answer privately in a server; in the DM they work the same', async () => {
    await startInChannel(alice);
    const status = await callback(h.emu, h.emu.slash(alice, 'checkins', {}, { subcommand: 'status' }));
    expect(status.data?.flags).toBe(EPHEMERAL);
    expect(status.data?.content).toMatch(/^Your check-ins are on\./);
    expect(status.data?.content).toMatch(/Next: .*\(redness\)/);

    const stop = await callback(h.emu, h.emu.slashInDm(alice, 'checkins', {}, { subcommand: 'stop' }));
    expect(stop.data?.flags).toBeUndefined(); // a DM is private anyway
    expect(stop.data?.content).toMatch(/^Check-ins stopped\./);
    const after = await callback(h.emu, h.emu.slash(alice, 'checkins', {}, { subcommand: 'status' }));
    expect(after.data?.content).toMatch(/^You stopped your check-ins\./);
    expect(h.seen.map((m) => m.text)).toEqual(['checkins start today 9 Europe/Berlin', 'checkins status', 'checkins stop', 'checkins status']);
  });

  it('the timezone option autocompletes IANA names, for everyone', async () => {
    const interaction = h.emu.autocomplete(alice, 'checkins', 'timezone', { hour: '9', timezone: 'berl' }, { subcommand: 'start' });
    const body = (await h.emu.waitForInteractionCallback(interaction)).body as CallbackBody;
    expect(body.type).toBe(8);
    expect(body.data?.choices?.[0]).toEqual({ name: 'Europe/Berlin', value: 'Europe/Berlin' });
  });

  it('a bad time zone or a treatment too long ago gets a clear answer and no subscription', async () => {
    const zone = await startInChannel(alice, { timezone: 'Mars/Olympus' });
    expect(zone.data?.content).toMatch(/I don't know the time zone "Mars\/Olympus"[\s\S]*No check-ins were set up\./);
    const old = await startInChannel(alice, { date: '2026-10-01' });
    expect(old.data?.content).toMatch(/days ago[\s\S]*No check-ins were set up\./);
    expect(await h.testCore.store.checkins.subscriptions.get('discord', alice.id)).toBeNull();
  });

  it('/forget-me deletes every row about the user and says so', async () => {
    await startInChannel(alice);
    h.testCore.clock.set(DAY_1);
    await scheduler.tick();
    const checkin = messagePosts(h.emu, h.emu.dmChannelOf(alice)!)[0]!.response as ApiMessage;
    const option = plan()[0]!.options.find((o) => !o.escalate)!;
    await callback(h.emu, h.emu.clickButton(alice, checkin, buttonsOf(checkin).find((b) => b.label === option.label)!.custom_id!));
    await h.emu.waitForReplyTo(h.emu.mentionBot(alice, 'does microneedling hurt?'));
    expect(CHECKIN_TABLES.map(count)).toEqual([1, plan().length, 1, 0]);
    expect(count('question_events')).toBeGreaterThan(0);

    const forgotten = await callback(h.emu, h.emu.slash(alice, 'forget-me'));
    expect(forgotten.data?.flags).toBe(EPHEMERAL);
    expect(forgotten.data?.content).toMatch(/^Done: I deleted everything I had stored about you:/);
    expect(forgotten.data?.content).toContain('• 1 check-in subscription');
    expect(forgotten.data?.content).toContain('• 1 check-in answer');
    expect(forgotten.data?.content).toMatch(/• [1-9]\d* question records?/);
    expect(h.seen.at(-1)?.command).toEqual({ name: 'forget-me', options: {} });
    for (const table of [...CHECKIN_TABLES, 'question_events']) expect([table, count(table)]).toEqual([table, 0]);

    h.testCore.clock.set(new Date(DAY_1.getTime() + DAY_MS));
    expect(await scheduler.tick()).toMatchObject({ claimed: 0 });
  });

  it('a user whose DMs are closed (50007) is paused after ONE attempt: no retries, nothing more tried', async () => {
    const carol = h.emu.createMember({ username: 'carol', acceptsDirectMessages: false });
    expect((await startInChannel(carol)).data?.content).toMatch(/^Check-ins are on\./);
    h.testCore.clock.set(DAY_1);
    expect(await scheduler.tick()).toMatchObject({ claimed: 1, paused: 1, sent: 0, retried: 0 });
    const dm = h.emu.dmChannelOf(carol)!;
    expect(messagePosts(h.emu, dm).map((r) => [r.status, (r.response as { code?: number }).code])).toEqual([[403, 50007]]);

    for (let day = 1; day <= 15; day++) {
      h.testCore.clock.set(new Date(DAY_1.getTime() + day * DAY_MS));
      expect(await scheduler.tick()).toMatchObject({ claimed: 0 });
    }
    expect(messagePosts(h.emu, dm)).toHaveLength(1);
    expect(h.emu.requests.filter((r) => r.status === 403)).toHaveLength(1);
    const sub = (await h.testCore.store.checkins.subscriptions.get('discord', carol.id))!;
    expect(sub.status).toBe('paused');
    expect((await h.testCore.store.checkins.scheduled.forSubscription(sub.id)).filter((r) => r.status === 'pending' || r.status === 'sending')).toEqual([]);
    const status = await callback(h.emu, h.emu.slash(carol, 'checkins', {}, { subcommand: 'status' }));
    expect(status.data?.content).toMatch(/^Your check-ins are paused: I could not send you a direct message/);
  });

  it('a process that crashed after claiming (before sending): the row returns after the lease, one message', async () => {
    await startInChannel(alice);
    h.testCore.clock.set(DAY_1);
    const dead = await h.testCore.store.checkins.scheduled.claimDue(DAY_1.getTime(), {
      leaseMs: SCHEDULER_DEFAULTS.leaseMs,
      limit: 10,
      claimToken: 'the-process-that-died',
      platforms: ['discord'],
    });
    expect(dead.claimed).toHaveLength(1);
    expect(await scheduler.tick()).toMatchObject({ claimed: 0 }); // still leased to the dead process
    h.testCore.clock.set(new Date(DAY_1.getTime() + SCHEDULER_DEFAULTS.leaseMs + 60_000));
    expect(await scheduler.tick()).toMatchObject({ released: 1, sent: 1 });
    const dm = h.emu.dmChannelOf(alice)!;
    expect(messagePosts(h.emu, dm)).toHaveLength(1);
    expect(h.emu.botMessages(dm)).toHaveLength(1);
  });

  it('a process that crashed after Discord took the message (before marking it): the survivor finds it in the DM and the DM holds one message', async () => {
    await startInChannel(alice);
    h.testCore.clock.set(DAY_1);
    // The dying process: its send reaches Discord, then it never gets to mark the row.
    let die!: (error: Error) => void;
    const dying: Adapter = {
      platform: 'discord',
      start: () => h.adapter.start(),
      stop: () => h.adapter.stop(),
      send: (channelId, reply) => h.adapter.send(channelId, reply),
      pin: (ref) => h.adapter.pin(ref),
      unpin: (ref) => h.adapter.unpin(ref),
      edit: (ref, reply) => h.adapter.edit(ref, reply),
      remove: (ref) => h.adapter.remove(ref),
      sendDirect: async (address, reply, options) => {
        await h.adapter.sendDirect(address, reply, options);
        return new Promise((_resolve, reject) => {
          die = reject;
        });
      },
    };
    const crashed = new CheckinScheduler({ ...h.testCore.deps, adapters: new Map([['discord', dying]]), logger: silentLogger(), cron: '* * * * *' });
    const first = await crashed.beginTick(DAY_1);
    expect(first.claimed).toBe(1);
    await h.emu.waitForRequest((r) => r.method === 'POST' && /^\/channels\/\d+\/messages$/.test(r.path) && r.status === 200, 'the first send');
    const dm = h.emu.dmChannelOf(alice)!;
    const sub = (await h.testCore.store.checkins.subscriptions.get('discord', alice.id))!;
    const row = (await h.testCore.store.checkins.scheduled.forSubscription(sub.id))[0]!;
    expect(row).toMatchObject({ status: 'sending', attempts: 1 });

    // After the lease, the surviving scheduler takes the row again and first looks in the DM (issue 11): the message
    // is there, so it is marked sent without a second POST (the same nonce would only help within Discord's window).
    h.testCore.clock.set(new Date(DAY_1.getTime() + SCHEDULER_DEFAULTS.leaseMs + 60_000));
    expect(await scheduler.tick()).toMatchObject({ released: 1, sent: 1 });
    const posts = messagePosts(h.emu, dm);
    expect(posts.map((r) => (r.body as { nonce?: string; enforce_nonce?: boolean }).nonce)).toEqual([row.nonce]);
    expect(posts.every((r) => (r.body as { enforce_nonce?: boolean }).enforce_nonce === true)).toBe(true);
    expect(h.emu.requestsTo('GET', `/channels/${dm}/messages`).length).toBeGreaterThan(0);
    expect(h.emu.botMessages(dm)).toHaveLength(1);
    expect(await h.testCore.store.checkins.scheduled.get(row.id)).toMatchObject({ status: 'sent', attempts: 2 });

    // The dead process's late outcome changes nothing: the row is no longer its claim.
    die(new Error('killed'));
    expect(await first.done).toMatchObject({ sent: 0, skipped: 1 });
    expect(await h.testCore.store.checkins.scheduled.get(row.id)).toMatchObject({ status: 'sent' });
    await crashed.stop();
  });
});
