import { infoReply } from '../../../src/conversation/reply';
import { PlatformError } from '../../../src/platform/platform-error';
import { CANNOT_MESSAGE_USER } from '../../emulators/discord';
import { type Harness, startHarness } from './discord-harness';

const REDNESS = 'how long does redness last after microneedling?';

describe('Discord adapter: rate limits, refusals and dropped connections', () => {
  let h: Harness;
  afterEach(async () => {
    await h?.stop();
  });

  test('a 429 with Retry-After is waited out and the answer still arrives', async () => {
    h = await startHarness();
    const alice = h.emu.createMember({ username: 'alice' });
    const path = `/channels/${h.emu.channel.id}/messages`;
    h.emu.rateLimitNext({ method: 'POST', path }, 0.2);

    const question = h.emu.mentionBot(alice, REDNESS);
    const { message } = await h.emu.waitForReplyTo(question);
    expect(message.content).toMatch(/24 hours/);
    const attempts = h.emu.requestsTo('POST', path);
    expect(attempts.map((r) => r.status)).toEqual([429, 200]);
    expect(attempts[1]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(200);
    expect(h.logs.find('discord rate limit: waiting before retrying')).toMatchObject({ method: 'POST' });
  });

  test('a DM to someone who does not accept DMs rejects as unreachable after exactly one attempt', async () => {
    h = await startHarness();
    const carol = h.emu.createMember({ username: 'carol', acceptsDirectMessages: false });
    const checkin = infoReply('Day 1 check-in: how is the redness?');

    const sending = h.adapter.sendDirect({ platform: 'discord', userId: carol.id }, checkin, { nonce: 'checkin-7-day-1' });
    await expect(sending).rejects.toBeInstanceOf(PlatformError);
    await expect(sending).rejects.toMatchObject({ code: 'unreachable' });

    const dmChannel = h.emu.state.dmChannelByUser.get(carol.id);
    expect(h.emu.requestsTo('POST', '/users/@me/channels')).toHaveLength(1);
    const attempts = h.emu.requestsTo('POST', `/channels/${dmChannel}/messages`);
    expect(attempts).toHaveLength(1);
    expect(attempts[0]).toMatchObject({ status: 403, response: { code: 50007 } });
  });

  test('50278 (not reachable by the app) is unreachable too', async () => {
    h = await startHarness();
    const dave = h.emu.createMember({ username: 'dave' });
    h.emu.failNext({ method: 'POST', path: /^\/channels\/\d+\/messages$/ }, { ...CANNOT_MESSAGE_USER, code: 50278 });
    await expect(h.adapter.sendDirect({ platform: 'discord', userId: dave.id }, infoReply('hi'))).rejects.toMatchObject({ code: 'unreachable' });
  });

  test('a DM with a nonce is sent with enforce_nonce, and a resend returns the same message', async () => {
    h = await startHarness();
    const alice = h.emu.createMember({ username: 'alice' });
    const address = { platform: 'discord' as const, userId: alice.id };
    const checkin = infoReply('Day 1 check-in: how is the redness?');

    const first = await h.adapter.sendDirect(address, checkin, { nonce: 'checkin-7-day-1' });
    const again = await h.adapter.sendDirect(address, checkin, { nonce: 'checkin-7-day-1' });
    expect(again).toEqual(first);
    const dmChannel = h.emu.state.dmChannelByUser.get(alice.id)!;
    expect(first.channelId).toBe(dmChannel);
    expect(h.emu.botMessages(dmChannel)).toHaveLength(1);
    const bodies = h.emu.requestsTo('POST', `/channels/${dmChannel}/messages`).map((r) => r.body);
    expect(bodies).toEqual([
      expect.objectContaining({ nonce: 'checkin-7-day-1', enforce_nonce: true, allowed_mentions: { parse: [], replied_user: false } }),
      expect.objectContaining({ nonce: 'checkin-7-day-1', enforce_nonce: true }),
    ]);
  });

  test('5xx answers are retried by the client', async () => {
    h = await startHarness({ tuning: { restRetries: 2 } });
    const alice = h.emu.createMember({ username: 'alice' });
    const path = `/channels/${h.emu.channel.id}/messages`;
    h.emu.failNext({ method: 'POST', path }, { kind: 'server-error', status: 502 });
    const { message } = await h.emu.waitForReplyTo(h.emu.mentionBot(alice, REDNESS));
    expect(message.content).toMatch(/24 hours/);
    expect(h.emu.requestsTo('POST', path).map((r) => r.status)).toEqual([502, 200]);
  });

  test('a dropped gateway socket is resumed and the bot keeps answering', async () => {
    h = await startHarness();
    const alice = h.emu.createMember({ username: 'alice' });
    await h.emu.waitForReplyTo(h.emu.mentionBot(alice, 'does microneedling hurt?'));

    const resumed = h.emu.waitForResume();
    h.emu.dropGateway();
    // Sent while the socket is down: replayed by the RESUME, like Discord does.
    const whileDown = h.emu.mentionBot(alice, REDNESS);
    await resumed;
    expect((await h.emu.waitForReplyTo(whileDown)).message.content).toMatch(/24 hours/);

    const afterwards = h.emu.mentionBot(alice, REDNESS);
    expect((await h.emu.waitForReplyTo(afterwards)).message.content).toMatch(/24 hours/);
    expect(h.emu.gateway.identifies).toHaveLength(1);
    expect(h.emu.gateway.resumes).toHaveLength(1);
    expect(h.logs.find('discord gateway connection lost; reconnecting')).toBeDefined();
    expect(h.logs.find('discord gateway connected again')).toMatchObject({ how: 'resumed' });
  });

  test('a gateway reconnect request (op 7) is followed and answering continues', async () => {
    h = await startHarness();
    const alice = h.emu.createMember({ username: 'alice' });
    const resumed = h.emu.waitForResume();
    h.emu.gateway.requestReconnect();
    await resumed;
    expect((await h.emu.waitForReplyTo(h.emu.mentionBot(alice, REDNESS))).message.content).toMatch(/24 hours/);
  });
});
