import { toPlatformError } from '../../../adapters/discord/discord-errors';
import { partNonce } from '../../../adapters/discord/discord-adapter';
import { stripBotMention } from '../../../adapters/discord/discord-incoming';
import { BOT_PERMISSIONS, inviteUrl } from '../../../adapters/discord/invite-url';
import { renderReply, replyComponents, replyContent } from '../../../adapters/discord/render-reply';
import { splitMessage } from '../../../adapters/discord/split-message';
import { infoReply } from '../../../src/conversation/reply';
import { DiscordAPIError } from 'discord.js';

describe('splitMessage', () => {
  test('short text stays whole', () => {
    expect(splitMessage('  hello  ')).toEqual(['hello']);
    expect(splitMessage('')).toEqual([]);
  });

  test('prefers paragraph, then sentence, then word boundaries', () => {
    const para = `${'a'.repeat(60)}\n\n${'b'.repeat(30)}`;
    expect(splitMessage(para, 80)).toEqual(['a'.repeat(60), 'b'.repeat(30)]);
    const sentences = 'One two three four five. Six seven eight nine ten. Eleven twelve.';
    expect(splitMessage(sentences, 55)).toEqual(['One two three four five. Six seven eight nine ten.', 'Eleven twelve.']);
    const words = 'alpha beta gamma delta epsilon zeta eta theta';
    for (const chunk of splitMessage(words, 20)) expect(words.split(' ')).toEqual(expect.arrayContaining(chunk.split(' ')));
  });

  test('a single huge word is cut hard but never inside a surrogate pair', () => {
    const emoji = '😀'.repeat(30); // 60 UTF-16 units
    const chunks = splitMessage(emoji, 25);
    expect(chunks.join('')).toBe(emoji);
    for (const c of chunks) {
      expect(c.length).toBeLessThanOrEqual(25);
      expect(c.codePointAt(c.length - 1)).not.toBe(0xd83d);
    }
  });

  test('every chunk of a long text fits', () => {
    const text = Array.from({ length: 400 }, (_, i) => `Word${i}.`).join(' ');
    const chunks = splitMessage(text, 2000);
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.every((c) => c.length <= 2000)).toBe(true);
    expect(chunks.join(' ')).toBe(text);
  });
});

describe('renderReply', () => {
  const answer = infoReply('Most redness fades within about 24 hours.', {
    kind: 'answer',
    sources: ['NewBeauty', 'Healthline'],
    disclaimer: 'General *information*, not medical advice.',
    suggestions: [{ faqId: 'sunscreen-two-weeks', question: 'Do I need sunscreen?' }],
    buttons: [{ label: 'Stop check-ins', action: 'checkins:stop', style: 'danger' }],
  });

  test('text, a Sources line and the disclaimer as small italic text', () => {
    expect(replyContent(answer)).toBe(
      'Most redness fades within about 24 hours.\n\nSources: NewBeauty, Healthline\n\n-# *General \\*information\\*, not medical advice.*',
    );
  });

  test('suggestions then buttons, custom_id = action, labels capped at 80', () => {
    const long = infoReply('x', { suggestions: [{ faqId: 'a', question: 'q'.repeat(120) }], buttons: [{ label: 'dup', action: 'faq:a' }] });
    const [row] = replyComponents(long);
    expect(row?.components).toHaveLength(1); // the duplicate custom_id is dropped
    expect(row?.components[0]?.label).toHaveLength(80);
    const rows = replyComponents(answer);
    expect(rows[0]?.components.map((b) => [b.custom_id, b.style])).toEqual([
      ['faq:sunscreen-two-weeks', 2],
      ['checkins:stop', 4],
    ]);
  });

  test('more than five buttons wrap into rows of five, at most five rows', () => {
    const many = infoReply('x', { buttons: Array.from({ length: 30 }, (_, i) => ({ label: `b${i}`, action: `a:${i}` })) });
    const rows = replyComponents(many);
    expect(rows.map((r) => r.components.length)).toEqual([5, 5, 5, 5, 5]);
  });

  test('a single part carries the buttons', () => {
    const parts = renderReply(answer);
    expect(parts).toHaveLength(1);
    expect(parts[0]?.components).toHaveLength(1);
  });
});

describe('helpers', () => {
  test('stripBotMention removes user and role mentions of the bot only', () => {
    expect(stripBotMention('<@123> does it hurt? <@456>', '123')).toBe('does it hurt? <@456>');
    expect(stripBotMention('<@&99> hi', '123', '99')).toBe('hi');
  });

  test('part nonces stay within 25 characters and are stable', () => {
    expect(partNonce('checkin-7-day-1', 0)).toBe('checkin-7-day-1');
    expect(partNonce('checkin-7-day-1', 1)).toHaveLength(25);
    expect(partNonce('checkin-7-day-1', 1)).toBe(partNonce('checkin-7-day-1', 1));
    expect(partNonce('x'.repeat(40), 0)).toHaveLength(25);
  });

  test('invite URL asks for exactly the needed permission bits', () => {
    expect(BOT_PERMISSIONS).toBe((1n << 10n) | (1n << 11n) | (1n << 38n) | (1n << 16n) | (1n << 13n) | (1n << 51n));
    expect(inviteUrl('42')).toBe(`https://discord.com/oauth2/authorize?client_id=42&scope=bot+applications.commands&permissions=${BOT_PERMISSIONS}`);
  });

  test('Discord error codes map to PlatformError codes', () => {
    const err = (code: number, status: number) =>
      new DiscordAPIError({ code, message: 'x' }, code, status, 'POST', 'http://127.0.0.1/api/v10/interactions/1/SECRET/callback', { body: { content: 'private' } });
    expect(toPlatformError(err(50007, 403), 'send').code).toBe('unreachable');
    expect(toPlatformError(err(50278, 403), 'send').code).toBe('unreachable');
    expect(toPlatformError(err(30003, 400), 'pin').code).toBe('pin-limit');
    expect(toPlatformError(err(50013, 403), 'send').code).toBe('missing-permission');
    expect(toPlatformError(err(50001, 403), 'send').code).toBe('missing-permission');
    expect(toPlatformError(err(10008, 404), 'edit').code).toBe('not-found');
    expect(toPlatformError(err(10003, 404), 'send').code).toBe('not-found');
    expect(toPlatformError(err(40005, 413), 'send').code).toBe('failed');
    const mapped = toPlatformError(err(50007, 403), 'send');
    // Neither the interaction token in the URL nor the request body reaches the message or the cause.
    expect(JSON.stringify({ message: mapped.message, cause: mapped.cause, stack: mapped.stack })).not.toMatch(/SECRET|private/);
  });
});
