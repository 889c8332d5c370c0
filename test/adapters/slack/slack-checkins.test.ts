import { CheckinScheduler } from '../../../src/checkins/checkin-scheduler';
import { silentLogger } from '../../../src/logging/logger';
import { blockText, type SlackHarness, startSlackHarness } from './support/slack-harness';

/** Check-ins through the real Slack adapter and the loopback Slack emulator: the DM arrives, and answers work. */
describe('check-ins on Slack (emulator)', () => {
  let h: SlackHarness;
  let scheduler: CheckinScheduler;
  beforeEach(async () => {
    h = await startSlackHarness({ mode: 'http' });
    scheduler = new CheckinScheduler({ ...h.testCore.deps, logger: silentLogger(), cron: '* * * * *' });
  });
  afterEach(async () => {
    await scheduler.stop();
    await h.stop();
  });

  const text = (call: { params: Record<string, unknown> }) => `${String(call.params.text ?? '')}\n${blockText(call.params.blocks)}`;

  it('opts in by slash command in the profile time zone, delivers the DM, answers its button and words, stops, forgets', async () => {
    const plan = h.testCore.knowledge.knowledge.checkins;
    const { responseId } = await h.driver.slash({ text: 'checkins start today 9', user: 'U0ALICE' });
    const confirmation = await h.emu.waitForResponse(responseId);
    expect(text(confirmation)).toMatch(/Check-ins are on/);
    expect(text(confirmation)).toContain('(Europe/Berlin)'); // Alice's Slack profile tz
    expect(confirmation.params.response_type ?? 'ephemeral').toBe('ephemeral');

    // Day 1, 09:00 Berlin = 08:00 UTC.
    h.testCore.clock.set(new Date('2026-11-27T08:01:00Z'));
    expect(await scheduler.tick()).toMatchObject({ sent: 1 });
    const dm = h.emu.calls('chat.postMessage').at(-1)!;
    expect(String(dm.params.channel)).toMatch(/^D/);
    expect(text(dm)).toContain(plan[0]!.message.slice(0, 40));

    const option = plan[0]!.options.find((o) => !o.escalate)!;
    const before = h.emu.calls('chat.postMessage').length;
    await h.driver.click({ call: dm, pick: (b) => b.label === option.label, user: 'U0ALICE' });
    const guidance = await h.emu.waitForCall('chat.postMessage', (c) => c.seq > dm.seq && text(c).includes(option.guidance.slice(0, 40)));
    expect(guidance.params.channel).toBe(dm.params.channel);
    expect(h.emu.calls('chat.postMessage').length).toBeGreaterThan(before);

    const stillRed = plan[0]!.options.find((o) => o.keywords.includes('still'))!;
    await h.driver.dm({ text: 'still red', user: 'U0ALICE' });
    await h.emu.waitForCall('chat.postMessage', (c) => text(c).includes(stillRed.guidance.slice(0, 40)));

    const stop = await h.driver.slash({ text: 'checkins stop', user: 'U0ALICE' });
    expect(text(await h.emu.waitForResponse(stop.responseId))).toMatch(/Check-ins stopped/);
    const posted = h.emu.calls('chat.postMessage').length;
    h.testCore.clock.set(new Date('2026-12-15T08:01:00Z'));
    for (let day = 0; day < 3; day++) await scheduler.tick();
    expect(h.emu.calls('chat.postMessage')).toHaveLength(posted);

    const forget = await h.driver.slash({ text: 'forget-me', user: 'U0ALICE' });
    expect(text(await h.emu.waitForResponse(forget.responseId))).toMatch(/1 check-in subscription/);
    expect(await h.testCore.store.checkins.subscriptions.get('slack', 'U0ALICE')).toBeNull();
  });

  it('pauses a user Slack will not let the bot DM, without retrying', async () => {
    await h.emu.waitForResponse((await h.driver.slash({ text: 'checkins start today 9', user: 'U0BOB' })).responseId);
    h.emu.failNext('conversations.open', { kind: 'error', error: 'cannot_dm_bot' }, 5);
    h.testCore.clock.set(new Date('2026-11-27T14:01:00Z')); // 09:00 New York
    const result = await scheduler.tick();
    expect(result).toMatchObject({ claimed: 1, paused: 1 });
    expect((await h.testCore.store.checkins.subscriptions.get('slack', 'U0BOB'))!.status).toBe('paused');
    h.testCore.clock.set(new Date('2026-11-28T14:01:00Z'));
    expect(await scheduler.tick()).toMatchObject({ claimed: 0 });
  });
});
