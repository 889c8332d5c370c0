import { escapeMrkdwn, slackTextToPlain, splitEscaped } from '../../../adapters/slack/mrkdwn';
import { actionFromButton, renderSlackReply } from '../../../adapters/slack/render-slack-reply';
import { platformErrorCode } from '../../../adapters/slack/slack-errors';
import { slashToCoreText } from '../../../adapters/slack/slash-commands';
import { infoReply, type Reply } from '../../../src/conversation/reply';
import { blockKitProblems } from '../../emulators/slack/block-kit-limits';

describe('mrkdwn escaping', () => {
  it('escapes &, < and > (and & first, so entities are not double-read)', () => {
    expect(escapeMrkdwn('<!channel> & <@U1> > <http://x|y>')).toBe('&lt;!channel&gt; &amp; &lt;@U1&gt; &gt; &lt;http://x|y&gt;');
    expect(escapeMrkdwn('&lt;')).toBe('&amp;lt;');
  });

  it('splits long text at whitespace so each escaped piece fits, never inside an entity', () => {
    const text = `${'word & '.repeat(800)}end`;
    const pieces = splitEscaped(text, 3000);
    expect(pieces.length).toBeGreaterThan(1);
    for (const piece of pieces) {
      expect(piece.length).toBeLessThanOrEqual(3000);
      expect(piece).not.toMatch(/&(?!amp;)/);
    }
    expect(pieces.join(' ').replace(/&amp;/g, '&')).toBe(text);
  });
});

describe('Slack wire text to plain words', () => {
  it('drops the bot mention and makes tokens readable', () => {
    expect(slackTextToPlain('<@U0BOT> does it &lt;b&gt;hurt&lt;/b&gt;?', 'U0BOT')).toBe('does it <b>hurt</b>?');
    expect(slackTextToPlain('<@U0BOT|aftercare>   hi <@U1|ann> in <#C1|general> <!here> <!subteam^S1|@nurses>', 'U0BOT')).toBe(
      'hi @ann in #general @here @nurses',
    );
    expect(slackTextToPlain('see <https://example.com|this> or <mailto:a@b.c> &amp; &lt;x&gt;')).toBe(
      'see this or a@b.c & <x>',
    );
  });
});

describe('slash command text', () => {
  it('passes what followed /aftercare to the core, which parses it (empty asks for help)', () => {
    expect(slashToCoreText('  ')).toBe('help');
    expect(slashToCoreText(' checkins start 2026-11-20 9 ')).toBe('checkins start 2026-11-20 9');
    expect(slashToCoreText('does it hurt?')).toBe('does it hurt?');
  });
});

describe('Slack errors to PlatformError codes', () => {
  it.each([
    ['cannot_dm_bot', 'direct', 'unreachable'],
    ['user_not_found', 'direct', 'unreachable'],
    ['user_disabled', 'direct', 'unreachable'],
    ['not_in_channel', 'direct', 'unreachable'],
    ['not_in_channel', 'channel', 'missing-permission'],
    ['missing_scope', 'channel', 'missing-permission'],
    ['restricted_action', 'pin', 'missing-permission'],
    ['too_many_pins', 'pin', 'pin-limit'],
    ['message_not_found', 'edit', 'not-found'],
    ['channel_not_found', 'channel', 'not-found'],
    ['ratelimited', 'channel', 'failed'],
    [undefined, 'channel', 'failed'],
  ] as const)('%s for %s → %s', (slackError, purpose, code) => {
    expect(platformErrorCode(slackError, purpose)).toBe(code);
  });
});

describe('Reply to Block Kit', () => {
  const answer: Reply = {
    kind: 'answer',
    text: 'Use sunscreen for two weeks.',
    faqId: 'sunscreen-two-weeks',
    confidence: 0.9,
    sources: ['Healthline', 'WebMD'],
    suggestions: [{ faqId: 'makeup', question: 'When can I wear makeup?' }],
    buttons: [
      { label: 'Stop check-ins', action: 'checkin:stop', style: 'danger' },
      { label: 'Fine', action: 'checkin:ok', style: 'secondary' },
    ],
    disclaimer: 'Not medical advice.',
    ephemeral: false,
  };

  it('renders answer, sources, disclaimer and buttons carrying the reply action', () => {
    const { text, blocks } = renderSlackReply(answer);
    expect(text).toBe('Use sunscreen for two weeks.');
    expect(blocks.map((b) => b.type)).toEqual(['section', 'context', 'context', 'context', 'actions']);
    expect(JSON.stringify(blocks[1])).toContain('Sources: Healthline, WebMD');
    const actions = blocks[4] as { elements: Array<{ action_id: string; value: string; style?: string }> };
    expect(actions.elements.map((e) => [e.action_id, e.value, e.style])).toEqual([
      ['aftercare:faq:makeup', 'faq:makeup', undefined],
      ['aftercare:checkin:stop', 'checkin:stop', 'danger'],
      ['aftercare:checkin:ok', 'checkin:ok', undefined],
    ]);
    expect(actionFromButton('aftercare:faq:makeup', 'faq:makeup')).toBe('faq:makeup');
    expect(actionFromButton('aftercare:faq:makeup', undefined)).toBe('faq:makeup');
    expect(blockKitProblems(blocks)).toEqual([]);
  });

  it('stays within Block Kit limits for long text, long labels and many buttons', () => {
    const big: Reply = {
      ...answer,
      text: 'Long <text> & more. '.repeat(600),
      sources: Array.from({ length: 300 }, (_, i) => `Source ${i}`),
      suggestions: Array.from({ length: 30 }, (_, i) => ({ faqId: `entry-${i}`, question: `${'Very long question '.repeat(6)}${i}` })),
      buttons: [{ label: 'Same', action: 'faq:entry-1' }],
    };
    const { text, blocks } = renderSlackReply(big);
    expect(blockKitProblems(blocks)).toEqual([]);
    expect(text.length).toBeLessThanOrEqual(3000);
    expect(blocks.filter((b) => b.type === 'actions')).toHaveLength(2);
  });

  it('never sends an empty message', () => {
    const { text, blocks } = renderSlackReply(infoReply('   '));
    expect(text).not.toBe('');
    expect(blockKitProblems(blocks)).toEqual([]);
  });
});
