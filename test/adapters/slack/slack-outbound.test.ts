import { infoReply } from '../../../src/conversation/reply';
import type { MessageRef } from '../../../src/platform/adapter';
import { PlatformError, type PlatformErrorCode } from '../../../src/platform/platform-error';
import { BOT_USER_ID, GENERAL_CHANNEL } from '../../emulators/slack';
import { blockText, type SlackHarness, startSlackHarness } from './support/slack-harness';

/** The code of the PlatformError a call rejects with. */
async function codeOf(promise: Promise<unknown>): Promise<PlatformErrorCode> {
  const error = await promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PlatformError);
  return (error as PlatformError).code;
}

describe('Slack adapter, calls the core makes (sendDirect, send, pin, unpin, edit, remove)', () => {
  let h: SlackHarness;

  beforeEach(async () => {
    h = await startSlackHarness({ mode: 'http' });
  });

  afterEach(async () => {
    await h.stop();
  });

  it('sendDirect opens the DM with conversations.open, then posts there', async () => {
    const ref = await h.adapter.sendDirect({ platform: 'slack', userId: 'U0BOB' }, infoReply('Day 1 check-in'));
    const open = await h.emu.waitForCall('conversations.open');
    expect(open.params.users).toBe('U0BOB');
    expect(ref).toEqual({ platform: 'slack', channelId: 'D0BOB', messageId: expect.any(String) });
    expect(h.emu.state.message('D0BOB', ref.messageId)?.text).toBe('Day 1 check-in');
  });

  it('sendDirect reuses a known DM channel', async () => {
    h.emu.state.openIm('U0BOB');
    await h.adapter.sendDirect({ platform: 'slack', userId: 'U0BOB', channelId: 'D0BOB' }, infoReply('hi'));
    expect(h.emu.calls('conversations.open')).toHaveLength(0);
  });

  it('maps people who cannot get a DM to "unreachable"', async () => {
    const to = (userId: string) => h.adapter.sendDirect({ platform: 'slack', userId }, infoReply('hi'));
    expect(await codeOf(to(BOT_USER_ID))).toBe('unreachable'); // cannot_dm_bot
    expect(await codeOf(to('U0NOBODY'))).toBe('unreachable'); // user_not_found
    expect(await codeOf(to('U0GONE'))).toBe('unreachable'); // user_disabled
    h.emu.failNext('chat.postMessage', { kind: 'error', error: 'not_in_channel' });
    expect(await codeOf(to('U0BOB'))).toBe('unreachable');
  });

  it('maps channel errors to missing-permission and not-found', async () => {
    expect(await codeOf(h.adapter.send('C0OUTSIDE', infoReply('x')))).toBe('missing-permission'); // not_in_channel
    expect(await codeOf(h.adapter.send('C0MISSING', infoReply('x')))).toBe('not-found'); // channel_not_found
    h.emu.failNext('chat.postMessage', { kind: 'error', error: 'missing_scope' });
    expect(await codeOf(h.adapter.send(GENERAL_CHANNEL, infoReply('x')))).toBe('missing-permission');
    h.emu.failNext('chat.postMessage', { kind: 'error', error: 'restricted_action' });
    expect(await codeOf(h.adapter.send(GENERAL_CHANNEL, infoReply('x')))).toBe('missing-permission');
    h.emu.failNext('chat.postMessage', { kind: 'http', status: 500 }, 3);
    expect(await codeOf(h.adapter.send(GENERAL_CHANNEL, infoReply('x')))).toBe('failed');
  });

  it('pins and unpins a message (pinning twice is fine), mapping pin errors', async () => {
    const ref = await h.adapter.send(GENERAL_CHANNEL, infoReply('Aftercare basics'));
    await h.adapter.pin(ref);
    await h.adapter.pin(ref);
    expect(h.emu.state.pinsOf(GENERAL_CHANNEL).has(ref.messageId)).toBe(true);
    await h.adapter.unpin(ref);
    expect(h.emu.state.pinsOf(GENERAL_CHANNEL).has(ref.messageId)).toBe(false);

    const gone: MessageRef = { ...ref, messageId: '1.000001' };
    expect(await codeOf(h.adapter.pin(gone))).toBe('not-found');
    expect(await codeOf(h.adapter.unpin(ref))).toBe('not-found'); // no_pin
    h.emu.failNext('pins.add', { kind: 'error', error: 'too_many_pins' });
    expect(await codeOf(h.adapter.pin(ref))).toBe('pin-limit');
  });

  it('removes a message with chat.delete (its pin goes with it), mapping delete errors', async () => {
    const ref = await h.adapter.send(GENERAL_CHANNEL, infoReply('Aftercare basics'));
    await h.adapter.pin(ref);
    await h.adapter.remove(ref);
    const [deleted] = h.emu.calls('chat.delete');
    expect(deleted?.params).toMatchObject({ channel: GENERAL_CHANNEL, ts: ref.messageId });
    expect(h.emu.state.message(GENERAL_CHANNEL, ref.messageId)).toBeUndefined();
    expect(h.emu.state.pinsOf(GENERAL_CHANNEL).has(ref.messageId)).toBe(false);

    expect(await codeOf(h.adapter.remove(ref))).toBe('not-found'); // message_not_found: deleted already
    expect(await codeOf(h.adapter.remove({ ...ref, channelId: 'C0MISSING' }))).toBe('not-found'); // channel_not_found
    const theirs = h.emu.state.addMessage({ channel: GENERAL_CHANNEL, ts: h.emu.state.nextTs(), user: 'U0ALICE', text: 'mine' });
    expect(await codeOf(h.adapter.remove({ ...ref, messageId: theirs.ts }))).toBe('missing-permission'); // cant_delete_message
    expect(h.emu.state.message(GENERAL_CHANNEL, theirs.ts)).toBeDefined();
    h.emu.failNext('chat.delete', { kind: 'error', error: 'missing_scope' });
    const other = await h.adapter.send(GENERAL_CHANNEL, infoReply('x'));
    expect(await codeOf(h.adapter.remove(other))).toBe('missing-permission');
    expect(h.emu.state.message(GENERAL_CHANNEL, other.messageId)).toBeDefined();
  });

  it('edits a message with chat.update, escaping the new text', async () => {
    const ref = await h.adapter.send(GENERAL_CHANNEL, infoReply('Check-in: how is your skin?'));
    await h.adapter.edit(ref, infoReply('Thanks <@U0BOB> & see you tomorrow'));
    const update = await h.emu.waitForCall('chat.update');
    expect(update.params).toMatchObject({ channel: GENERAL_CHANNEL, ts: ref.messageId });
    expect(blockText(update.params.blocks)).toBe('Thanks &lt;@U0BOB&gt; &amp; see you tomorrow');
    expect(await codeOf(h.adapter.edit({ ...ref, messageId: '1.000001' }, infoReply('x')))).toBe('not-found');
  });

  it('escapes every mrkdwn string of a constructed reply sent with send()', async () => {
    await h.adapter.send(GENERAL_CHANNEL, {
      ...infoReply('Hi <!channel>, <@U0BOB> & <https://evil.example|click here>'),
      sources: ['A & B <!here>'],
      disclaimer: 'Not <!everyone>',
      suggestions: [{ faqId: 'sunscreen-two-weeks', question: 'Sun & <!channel>?' }],
    });
    const call = await h.emu.waitForCall('chat.postMessage');
    expect(call.params.text).toBe('Hi &lt;!channel&gt;, &lt;@U0BOB&gt; &amp; &lt;https://evil.example|click here&gt;');
    const shown = blockText(call.params.blocks);
    expect(shown).toContain('Sources: A &amp; B &lt;!here&gt;');
    expect(shown).toContain('Not &lt;!everyone&gt;');
    // Button labels are plain_text, which Slack never parses for mentions: kept as written.
    expect(shown).toContain('Sun & <!channel>?');
    const mrkdwnOnly = shown.replace('Sun & <!channel>?', '');
    expect(mrkdwnOnly).not.toMatch(/<[!@#]|<https?:|&(?!amp;|lt;|gt;)/);
  });
});

describe('Slack adapter, who is asking', () => {
  let h: SlackHarness;

  beforeEach(async () => {
    h = await startSlackHarness({ mode: 'http', env: { SLACK_MODERATORS: 'U0BOB' } });
  });

  afterEach(async () => {
    await h.stop();
  });

  it('treats workspace admins, owners and SLACK_MODERATORS as moderators, and passes the time zone', async () => {
    for (const user of ['U0ALICE', 'U0ADMIN', 'U0OWNER', 'U0BOB']) {
      const sent = await h.driver.dm({ user, text: 'topics' });
      await h.emu.waitForCall('chat.postMessage', (c) => c.params.channel === sent.channel);
    }
    const byUser = Object.fromEntries(h.seen.map((m) => [m.user.id, m]));
    expect(byUser.U0ALICE).toMatchObject({ isModerator: false, user: { timezone: 'Europe/Berlin' } });
    expect(byUser.U0ADMIN).toMatchObject({ isModerator: true, user: { timezone: 'UTC' } });
    expect(byUser.U0OWNER).toMatchObject({ isModerator: true, user: { timezone: 'Asia/Tokyo' } });
    expect(byUser.U0BOB).toMatchObject({ isModerator: true, user: { timezone: 'America/New_York' } });
  });

  it('asks users.info once per user while the answer is fresh', async () => {
    for (let i = 0; i < 3; i++) {
      const mark = h.emu.log.mark();
      const sent = await h.driver.dm({ text: 'topics' });
      await h.emu.waitForCall('chat.postMessage', (c) => c.params.channel === sent.channel && c.seq >= mark);
    }
    expect(h.emu.calls('users.info')).toHaveLength(1);
  });

  it('still answers when users.info fails, without moderator rights', async () => {
    h.emu.failNext('users.info', { kind: 'error', error: 'user_not_found' });
    const sent = await h.driver.dm({ user: 'U0ADMIN', text: 'topics' });
    await h.emu.waitForCall('chat.postMessage', (c) => c.params.channel === sent.channel);
    expect(h.seen[0]).toMatchObject({ isModerator: false, user: { id: 'U0ADMIN', timezone: undefined } });
    expect(h.logs.find('slack users.info failed')).toHaveLength(1);
  });
});
