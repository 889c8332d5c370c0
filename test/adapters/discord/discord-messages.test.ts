import type { CoreWrapper } from '../../support/core-wrapper';
import { infoReply } from '../../../src/conversation/reply';
import { type ApiMessage, Intent, Permission } from '../../emulators/discord';
import { type Harness, startHarness } from './discord-harness';

const REDNESS = 'how long does redness last after microneedling?';

interface SentBody {
  content?: string;
  allowed_mentions?: { parse?: string[]; replied_user?: boolean };
  message_reference?: { message_id?: string };
}

describe('Discord adapter: messages', () => {
  let h: Harness;
  afterEach(async () => {
    await h?.stop();
  });

  test('logs in to ready with the non-privileged intents and logs the invite URL, never the token', async () => {
    h = await startHarness();
    expect(h.adapter.botUserId).toBe(h.emu.botUser.id);
    expect(h.emu.gateway.identifies).toHaveLength(1);
    expect(h.emu.gateway.identifies[0]?.intents).toBe(Intent.Guilds | Intent.GuildMessages | Intent.DirectMessages);

    const expectedBits =
      Permission.ViewChannel |
      Permission.SendMessages |
      Permission.SendMessagesInThreads |
      Permission.ReadMessageHistory |
      Permission.ManageMessages |
      Permission.PinMessages;
    const started = h.logs.lines.find((l) => typeof l['inviteUrl'] === 'string');
    const invite = new URL(String(started?.['inviteUrl']));
    expect(invite.origin + invite.pathname).toBe('https://discord.com/oauth2/authorize');
    expect(invite.searchParams.get('client_id')).toBe(h.emu.state.applicationId);
    expect(invite.searchParams.get('scope')).toBe('bot applications.commands');
    expect(invite.searchParams.get('permissions')).toBe(expectedBits.toString());
    expect(h.logs.text()).not.toContain(h.emu.token);
  });

  test('asks for MessageContent only when DISCORD_MESSAGE_CONTENT is on', async () => {
    h = await startHarness({ env: { DISCORD_MESSAGE_CONTENT: 'true' }, emulator: { privilegedIntents: { messageContent: true } } });
    expect(h.emu.gateway.identifies[0]?.intents).toBe(Intent.Guilds | Intent.GuildMessages | Intent.DirectMessages | Intent.MessageContent);
  });

  test('start() fails clearly when MessageContent is asked for but not enabled in the portal, and with a bad token', async () => {
    const refused = startHarness({ env: { DISCORD_MESSAGE_CONTENT: 'true' } });
    await expect(refused).rejects.toMatchObject({
      name: 'StartupError',
      setting: 'DISCORD_MESSAGE_CONTENT',
      message: expect.stringMatching(/^discord: check DISCORD_MESSAGE_CONTENT: .*Developer Portal/),
    });
    const badToken = startHarness({ env: { DISCORD_TOKEN: 'MTIz.abc.def' } });
    await expect(badToken).rejects.toMatchObject({ name: 'StartupError', setting: expect.stringMatching(/^DISCORD_TOKEN/), message: expect.stringMatching(/invalid token/i) });
  });

  test('a mention in a channel is answered with the right facts, as a reply to the question', async () => {
    h = await startHarness();
    const alice = h.emu.createMember({ username: 'alice' });
    const question = h.emu.mentionBot(alice, REDNESS);

    const { request, message } = await h.emu.waitForReplyTo(question);
    const body = request.body as SentBody;
    expect(message.content).toMatch(/24 hours/);
    expect(message.content).toMatch(/Sources: /);
    expect(message.message_reference?.message_id).toBe(question.id);
    expect(body.allowed_mentions?.parse).toEqual([]);
    expect(h.seen).toEqual([
      {
        platform: 'discord',
        user: { id: alice.id, displayName: 'alice' },
        channel: { id: h.emu.channel.id, isDirect: false, teamId: h.emu.state.guildId },
        text: REDNESS,
        isModerator: false,
      },
    ]);
  });

  test('a DM is answered without a mention', async () => {
    h = await startHarness();
    const alice = h.emu.createMember({ username: 'alice' });
    const question = h.emu.dm(alice, REDNESS);

    const { message } = await h.emu.waitForReplyTo(question);
    expect(message.content).toMatch(/24 hours/);
    expect(message.guild_id).toBeUndefined();
    expect(h.seen[0]?.channel).toEqual({ id: question.channel_id, isDirect: true });
  });

  test('a channel message that does not mention the bot gets nothing', async () => {
    h = await startHarness();
    const alice = h.emu.createMember({ username: 'alice' });
    const ignored = h.emu.say(alice, REDNESS);
    // Gateway order: once the next mention is answered, the first message has been seen and dropped.
    const asked = h.emu.mentionBot(alice, 'does microneedling hurt?');
    await h.emu.waitForReplyTo(asked);

    expect(h.seen.map((m) => m.text)).toEqual(['does microneedling hurt?']);
    expect(h.emu.botMessages().every((m) => m.message_reference?.message_id !== ignored.id)).toBe(true);
    expect(h.emu.botMessages()).toHaveLength(1);
  });

  test('messages from itself and from other bots are ignored', async () => {
    h = await startHarness();
    const alice = h.emu.createMember({ username: 'alice' });
    const otherBot = h.emu.state.createUser({ username: 'other-bot', bot: true });
    h.emu.state.addMember(otherBot.id);

    h.emu.say(h.emu.botUser, `<@${h.emu.botUser.id}> ${REDNESS}`);
    h.emu.say(otherBot, `<@${h.emu.botUser.id}> ${REDNESS}`);
    const asked = h.emu.mentionBot(alice, REDNESS);
    await h.emu.waitForReplyTo(asked);
    // The bot's own reply also came back over the gateway (as on Discord) and was ignored.
    const asked2 = h.emu.mentionBot(alice, 'does microneedling hurt?');
    await h.emu.waitForReplyTo(asked2);

    expect(h.seen.map((m) => m.user.id)).toEqual([alice.id, alice.id]);
  });

  test('the mention is stripped and an empty mention asks for help', async () => {
    h = await startHarness();
    const alice = h.emu.createMember({ username: 'alice' });
    const q1 = h.emu.say(alice, `hey <@!${h.emu.botUser.id}>   does it hurt?`);
    await h.emu.waitForReplyTo(q1);
    const q2 = h.emu.mentionBot(alice, '');
    await h.emu.waitForReplyTo(q2);
    expect(h.seen.map((m) => m.text)).toEqual(['hey does it hurt?', 'help']);
  });

  test('a question containing @everyone is answered without parsing any mention', async () => {
    const echo: CoreWrapper = (core) => ({
      handle: async (m) => (m.text.startsWith('echo') ? infoReply(`You said: ${m.text} <@${m.user.id}>`) : core.handle(m)),
    });
    h = await startHarness({ wrapCore: echo });
    const mallory = h.emu.createMember({ username: 'mallory', moderator: true });
    h.emu.state.roles.get(h.emu.state.guildId)!.permissions = (
      BigInt(h.emu.state.roles.get(h.emu.state.guildId)!.permissions) | Permission.MentionEveryone
    ).toString();

    const question = h.emu.mentionBot(mallory, `@everyone ${REDNESS}`);
    const real = await h.emu.waitForReplyTo(question);
    expect((real.request.body as SentBody).allowed_mentions?.parse).toEqual([]);
    expect(real.message.mention_everyone).toBe(false);

    // Even when the reply text repeats @everyone and a user mention, Discord pings no one but the asker.
    const echoed = h.emu.mentionBot(mallory, 'echo @everyone @here');
    const { request, message } = await h.emu.waitForReplyTo(echoed);
    expect(message.content).toContain('@everyone');
    expect((request.body as SentBody).allowed_mentions).toEqual({ parse: [], replied_user: true });
    expect(message.mention_everyone).toBe(false);
    expect(message.mentions.map((u) => u.id)).toEqual([mallory.id]);
  });

  test('isModerator follows Manage Messages in that channel', async () => {
    h = await startHarness();
    const mod = h.emu.createMember({ username: 'mod', moderator: true });
    const member = h.emu.createMember({ username: 'member' });
    // A channel where the Moderator role is denied Manage Messages.
    const locked = h.emu.state.createTextChannel('announcements', [
      { id: h.emu.state.moderatorRoleId, type: 0, allow: '0', deny: Permission.ManageMessages.toString() },
    ]);
    h.emu.gateway.dispatch('CHANNEL_CREATE', { ...locked });

    for (const [user, channelId] of [
      [mod, h.emu.channel.id],
      [member, h.emu.channel.id],
      [mod, locked.id],
    ] as const) {
      const q = h.emu.mentionBot(user, 'help', channelId);
      await h.emu.waitForReplyTo(q);
    }
    expect(h.seen.map((m) => m.isModerator)).toEqual([true, false, false]);
  });

  test('a failure inside the core gets a short apology and the next message still works', async () => {
    let failures = 1;
    h = await startHarness({
      wrapCore: (core) => ({
        handle: async (m) => {
          if (failures-- > 0) throw new Error('boom: knowledge index unavailable');
          return core.handle(m);
        },
      }),
    });
    const alice = h.emu.createMember({ username: 'alice' });
    const first = h.emu.mentionBot(alice, REDNESS);
    const apology = await h.emu.waitForReplyTo(first);
    expect(apology.message.content).toMatch(/Sorry, something went wrong/);

    const second = h.emu.mentionBot(alice, REDNESS);
    const answer = await h.emu.waitForReplyTo(second);
    expect(answer.message.content).toMatch(/24 hours/);

    const failure = h.logs.find('event failed');
    expect(failure).toMatchObject({ level: 50, event: 'message', err: { message: 'boom: knowledge index unavailable' } });
    // Message text stays out of the log unless LOG_MESSAGE_CONTENT is on.
    expect(h.logs.text()).not.toContain('redness last');
  });

  test('with LOG_MESSAGE_CONTENT the question text is logged', async () => {
    h = await startHarness({ env: { LOG_MESSAGE_CONTENT: 'true' } });
    const alice = h.emu.createMember({ username: 'alice' });
    await h.emu.waitForReplyTo(h.emu.mentionBot(alice, REDNESS));
    expect(h.logs.find('event answered')).toMatchObject({ text: REDNESS, event: 'message' });
  });

  test('a reply to a deleted question still arrives (no fail_if_not_exists)', async () => {
    h = await startHarness();
    const alice = h.emu.createMember({ username: 'alice' });
    const question: ApiMessage = h.emu.mentionBot(alice, REDNESS);
    h.emu.state.deleteMessage(question.channel_id, question.id);
    const sent = await h.emu.waitForBotMessage();
    expect(sent.content).toMatch(/24 hours/);
    expect(sent.message_reference).toBeUndefined();
  });
});

describe('Discord adapter: private answers to a mention', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(() => h.stop());

  test('a private answer (a moderator command) goes to the author by DM; the channel only hears that it did', async () => {
    const member = h.emu.createMember({ username: 'curious' });
    await h.testCore.core.handle({
      platform: 'discord',
      user: { id: 'someone-else' },
      channel: { id: h.emu.channel.id, isDirect: false },
      text: 'how much should I tip my esthetician',
      isModerator: false,
    });
    const mod = h.emu.createMember({ username: 'mod', moderator: true });
    const asked = h.emu.mentionBot(mod, 'faq gaps');
    const { message } = await h.emu.waitForReplyTo(asked);
    expect(message.channel_id).toBe(h.emu.channel.id);
    expect(message.content).toMatch(/sent it to you by direct message/);
    expect(message.content).not.toMatch(/tip/);
    const dm = h.emu.dmChannelOf(mod)!;
    const inDm = h.emu.requestsTo('POST', `/channels/${dm}/messages`).map((r) => (r.response as ApiMessage).content);
    expect(inDm.join('\n')).toMatch(/1× "how much should i tip my esthetician"/);

    // A refusal is private too: the channel does not learn what was refused.
    const refused = await h.emu.waitForReplyTo(h.emu.mentionBot(member, 'faq stats'));
    expect(refused.message.content).toMatch(/sent it to you by direct message/);
    const memberDm = h.emu.dmChannelOf(member)!;
    const refusal = h.emu.requestsTo('POST', `/channels/${memberDm}/messages`).map((r) => (r.response as ApiMessage).content);
    expect(refusal).toEqual([expect.stringMatching(/Only moderators/)]);
  });

  test('with DMs closed, the private answer is not posted in the channel; the author is pointed to the slash command', async () => {
    const closed = h.emu.createMember({ username: 'closed', moderator: true, acceptsDirectMessages: false });
    const { message } = await h.emu.waitForReplyTo(h.emu.mentionBot(closed, 'faq stats'));
    expect(message.content).toMatch(/cannot send you direct messages\. Use the slash command/);
    expect(message.content).not.toMatch(/Last 7 days/);
  });
});
