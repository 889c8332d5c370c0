import { replyContent } from '../../../adapters/discord/render-reply';
import { infoReply, type Reply } from '../../../src/conversation/reply';
import type { MessageRef } from '../../../src/platform/adapter';
import { MAX_PINS, Permission } from '../../emulators/discord';
import { type Harness, startHarness } from './discord-harness';

/** About 5,600 characters of sentences in paragraphs: too long for one Discord message. */
function longReply(): Reply {
  const sentence = (p: number, s: number) => `Paragraph ${p} sentence ${s} explains one more aftercare detail in plain words.`;
  const paragraphs = Array.from({ length: 8 }, (_, p) => Array.from({ length: 9 }, (_, s) => sentence(p + 1, s + 1)).join(' '));
  return infoReply(paragraphs.join('\n\n'), {
    kind: 'answer',
    sources: ['Healthline', 'NewBeauty'],
    disclaimer: 'General information from one article, not medical advice.',
    suggestions: [{ faqId: 'redness-how-long', question: 'How long does redness last?' }],
  });
}

describe('Discord adapter: outbound calls for the core', () => {
  let h: Harness;
  afterEach(async () => {
    await h?.stop();
  });

  test('a long answer is split cleanly into messages under 2,000 characters', async () => {
    h = await startHarness();
    const reply = longReply();
    const ref = await h.adapter.send(h.emu.channel.id, reply);

    const messages = h.emu.botMessages();
    expect(messages.length).toBeGreaterThanOrEqual(3);
    expect(ref.messageId).toBe(messages[0]!.id);
    for (const m of messages) {
      expect(m.content.length).toBeLessThanOrEqual(2000);
      // Each part ends at a sentence or line end, never mid-word.
      expect(m.content).toMatch(/[.*]$/);
    }
    // Nothing lost or reordered; buttons only under the last part.
    expect(messages.map((m) => m.content).join(' ').replace(/\s+/g, ' ')).toBe(replyContent(reply).replace(/\s+/g, ' '));
    expect(messages.slice(0, -1).every((m) => m.components.length === 0)).toBe(true);
    expect(messages.at(-1)!.components).toHaveLength(1);
    expect(messages.at(-1)!.content).toContain('-# *General information from one article, not medical advice.*');
    for (const r of h.emu.requestsTo('POST', `/channels/${h.emu.channel.id}/messages`)) {
      expect((r.body as { allowed_mentions: unknown }).allowed_mentions).toEqual({ parse: [], replied_user: false });
    }
  });

  test('pin and unpin a message; the 51st pin is refused as pin-limit', async () => {
    h = await startHarness();
    const ref = await h.adapter.send(h.emu.channel.id, infoReply('Aftercare basics: sunscreen for two weeks.'));
    await h.adapter.pin(ref);
    expect(h.emu.state.message(ref.channelId, ref.messageId).pinned).toBe(true);
    expect(h.emu.requestsTo('PUT', `/channels/${ref.channelId}/messages/pins/${ref.messageId}`)).toHaveLength(1);
    await h.adapter.unpin(ref);
    expect(h.emu.state.message(ref.channelId, ref.messageId).pinned).toBe(false);

    h.emu.state.fillPins(h.emu.channel.id, MAX_PINS);
    await expect(h.adapter.pin(ref)).rejects.toMatchObject({ name: 'PlatformError', code: 'pin-limit' });
  });

  test('edit replaces the text and buttons of a sent message, pinging no one', async () => {
    h = await startHarness();
    const ref = await h.adapter.send(
      h.emu.channel.id,
      infoReply('Check-in: how is the redness?', { buttons: [{ label: 'Mostly faded', action: 'checkin:7:mostly-faded' }] }),
    );
    await h.adapter.edit(ref, infoReply('Thanks, noted: mostly faded. @everyone'));
    const message = h.emu.state.message(ref.channelId, ref.messageId);
    expect(message.content).toBe('Thanks, noted: mostly faded. @everyone');
    expect(message.components).toEqual([]);
    expect(message.mention_everyone).toBe(false);
    const patch = h.emu.requestsTo('PATCH', `/channels/${ref.channelId}/messages/${ref.messageId}`)[0];
    expect((patch!.body as { allowed_mentions: unknown }).allowed_mentions).toEqual({ parse: [] });
  });

  test('remove deletes a sent message (and with it its pin); a gone message is not-found', async () => {
    h = await startHarness();
    const ref = await h.adapter.send(h.emu.channel.id, infoReply('Aftercare basics: sunscreen for two weeks.'));
    await h.adapter.pin(ref);
    await h.adapter.remove(ref);
    const deletes = h.emu.requestsTo('DELETE', `/channels/${ref.channelId}/messages/${ref.messageId}`);
    expect(deletes.map((r) => r.status)).toEqual([204]);
    expect(h.emu.state.channelMessages(ref.channelId).has(ref.messageId)).toBe(false);
    expect(h.emu.state.channelPins(ref.channelId)).toHaveLength(0);

    // Deleted already (by hand, or by the call above): Unknown Message.
    const again = await h.adapter.remove(ref).catch((e: Error) => e);
    expect(again).toMatchObject({ name: 'PlatformError', code: 'not-found' });
    expect(String(again)).toMatch(/10008/);
    await expect(h.adapter.remove({ ...ref, channelId: '1234567890123456780' })).rejects.toMatchObject({ code: 'not-found' });
  });

  test("remove of someone else's message without Manage Messages is missing-permission", async () => {
    h = await startHarness();
    const member = h.emu.createMember({ username: 'alice' });
    const locked = h.emu.state.createTextChannel('locked', [
      { id: h.emu.state.botRoleId, type: 0, allow: '0', deny: Permission.ManageMessages.toString() },
    ]);
    h.emu.gateway.dispatch('CHANNEL_CREATE', { ...locked });
    const { message } = h.emu.state.createMessage(locked.id, member.id, { content: 'my own words' });
    await expect(h.adapter.remove({ platform: 'discord', channelId: locked.id, messageId: message.id })).rejects.toMatchObject({
      code: 'missing-permission',
    });
    expect(h.emu.state.channelMessages(locked.id).has(message.id)).toBe(true);
    // Its own message in the same channel it may delete.
    const own = await h.adapter.send(locked.id, infoReply('mine'));
    await h.adapter.remove(own);
    expect(h.emu.state.channelMessages(locked.id).has(own.messageId)).toBe(false);
  });

  test('platform errors are mapped: missing permission, unknown message, unknown channel', async () => {
    h = await startHarness();
    const muted = h.emu.state.createTextChannel('read-only', [
      { id: h.emu.state.botRoleId, type: 0, allow: '0', deny: Permission.SendMessages.toString() },
    ]);
    h.emu.gateway.dispatch('CHANNEL_CREATE', { ...muted });
    await expect(h.adapter.send(muted.id, infoReply('hello'))).rejects.toMatchObject({ code: 'missing-permission' });

    const gone: MessageRef = { platform: 'discord', channelId: h.emu.channel.id, messageId: '1234567890123456789' };
    await expect(h.adapter.edit(gone, infoReply('x'))).rejects.toMatchObject({ code: 'not-found' });
    await expect(h.adapter.pin(gone)).rejects.toMatchObject({ code: 'not-found' });
    await expect(h.adapter.send('1234567890123456780', infoReply('x'))).rejects.toMatchObject({ code: 'not-found' });
    // The failure names the Discord code, never the token.
    const error = await h.adapter.send(muted.id, infoReply('hello')).catch((e: Error) => e);
    expect(String(error)).toMatch(/50013/);
    expect(String(error)).not.toContain(h.emu.token);
  });

  test('outbound calls before start() fail clearly instead of hanging', async () => {
    h = await startHarness();
    await h.adapter.stop();
    await expect(h.adapter.send(h.emu.channel.id, infoReply('x'))).rejects.toMatchObject({ code: 'failed' });
  });
});
