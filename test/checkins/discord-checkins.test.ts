import { buildCheckinReply } from '../../src/checkins/checkin-message';
import { CheckinScheduler } from '../../src/checkins/checkin-scheduler';
import { silentLogger } from '../../src/logging/logger';
import { type Harness, startHarness } from '../adapters/discord/discord-harness';

interface Button {
  custom_id?: string;
  label?: string;
}

function buttonsOf(message: { components?: unknown[] }): Button[] {
  return ((message.components ?? []) as Array<{ components?: Button[] }>).flatMap((row) => row.components ?? []);
}

/** Check-ins through the real Discord adapter and the loopback Discord emulator: the DM arrives, answers work. */
describe('check-ins on Discord (emulator)', () => {
  let h: Harness;
  let scheduler: CheckinScheduler;
  beforeEach(async () => {
    h = await startHarness();
    h.testCore.adapters.set('discord', h.adapter);
    scheduler = new CheckinScheduler({ ...h.testCore.deps, logger: silentLogger(), cron: '* * * * *' });
  });
  afterEach(async () => {
    await scheduler.stop();
    await h.stop();
  });

  it('opts in by DM, delivers the check-in with a nonce, answers its button and words, dedupes a resend, stops, forgets', async () => {
    const plan = h.testCore.knowledge.knowledge.checkins;
    const alice = h.emu.createMember({ username: 'alice' });
    h.emu.dm(alice, 'checkins start today 9 Europe/Berlin');
    const confirmation = await h.emu.waitForRequest((r) => r.method === 'POST' && /^\/channels\/\d+\/messages$/.test(r.path) && r.status === 200);
    const dmChannel = h.emu.state.dmChannelByUser.get(alice.id)!;
    expect(confirmation.path).toBe(`/channels/${dmChannel}/messages`);
    expect((confirmation.response as { content: string }).content).toMatch(/Check-ins are on/);

    h.testCore.clock.set(new Date('2026-11-27T08:01:00Z')); // 09:01 Berlin, day 1
    expect(await scheduler.tick()).toMatchObject({ sent: 1 });
    const checkin = await h.emu.waitForBotMessage(dmChannel);
    expect(checkin.content).toContain(plan[0]!.message.slice(0, 40));
    const post = h.emu.requestsTo('POST', `/channels/${dmChannel}/messages`).at(-1)!;
    const row = h.testCore.store.db.prepare(`SELECT id, nonce FROM scheduled_checkins WHERE status = 'sent'`).get() as { id: number; nonce: string };
    expect(post.body).toMatchObject({ nonce: row.nonce, enforce_nonce: true });
    expect(buttonsOf(checkin).map((b) => b.label)).toEqual([...plan[0]!.options.map((o) => o.label), 'Stop check-ins']);

    // A resend of the same row (a crash after the platform took it) carries the same nonce: no second message.
    const messagesBefore = h.emu.botMessages(dmChannel).length;
    await h.adapter.sendDirect({ platform: 'discord', userId: alice.id }, buildCheckinReply(plan[0]!, row.id), { nonce: row.nonce });
    expect(h.emu.botMessages(dmChannel)).toHaveLength(messagesBefore);
    expect((await h.emu.waitForBotMessage(dmChannel)).id).toBe(checkin.id); // Discord answered with the first message

    const option = plan[0]!.options.find((o) => !o.escalate)!;
    const button = buttonsOf(checkin).find((b) => b.label === option.label)!;
    const click = h.emu.clickButton(alice, checkin, button.custom_id!);
    const answer = await h.emu.waitForInteractionCallback(click);
    expect(JSON.stringify(answer.body)).toContain(option.guidance.slice(0, 40));

    const stillRed = plan[0]!.options.find((o) => o.keywords.includes('still'))!;
    h.emu.dm(alice, 'still red');
    expect((await h.emu.waitForBotMessage(dmChannel)).content).toContain(stillRed.guidance.slice(0, 40));

    h.emu.dm(alice, 'stop');
    expect((await h.emu.waitForBotMessage(dmChannel)).content).toMatch(/Check-ins stopped/);
    const count = h.emu.botMessages(dmChannel).length;
    h.testCore.clock.set(new Date('2026-11-28T08:01:00Z'));
    expect(await scheduler.tick()).toMatchObject({ claimed: 0 });
    expect(h.emu.botMessages(dmChannel)).toHaveLength(count);

    h.emu.dm(alice, 'forget me');
    expect((await h.emu.waitForBotMessage(dmChannel)).content).toMatch(/1 check-in subscription/);
    expect(h.testCore.store.checkins.subscriptions.get('discord', alice.id)).toBeNull();
  });

  it('pauses a user whose DMs are closed (50007), without retrying', async () => {
    const carol = h.emu.createMember({ username: 'carol', acceptsDirectMessages: false });
    // Opting in in the server channel (a mention), so the DM is first tried when the check-in is due.
    h.emu.mentionBot(carol, 'checkins start today 9 Europe/Berlin');
    await h.emu.waitForBotMessage();
    expect(h.testCore.store.checkins.subscriptions.get('discord', carol.id)).not.toBeNull();
    h.testCore.clock.set(new Date('2026-11-27T08:01:00Z'));
    expect(await scheduler.tick()).toMatchObject({ claimed: 1, paused: 1 });
    h.testCore.clock.set(new Date('2026-11-28T08:01:00Z'));
    expect(await scheduler.tick()).toMatchObject({ claimed: 0 });
    expect(h.testCore.store.checkins.subscriptions.get('discord', carol.id)!.status).toBe('paused');
  });

});
