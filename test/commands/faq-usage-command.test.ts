import type { IncomingMessage } from '../../src/conversation/incoming-message';
import { createTestCore, type TestCore } from '../support/test-core';

function message(text: string, extra: Partial<IncomingMessage> = {}): IncomingMessage {
  return { platform: 'slack', user: { id: 'U1' }, channel: { id: 'C1', isDirect: false }, text, isModerator: false, ...extra };
}

describe('faq with no subcommand or a wrong one', () => {
  let t: TestCore;
  beforeEach(async () => {
    t = await createTestCore();
  });
  afterEach(() => t.cleanup());

  const gaps = async () => (await t.core.handle(message('faq gaps', { isModerator: true }))).text;

  it('tells a moderator the faq subcommands, naming the wrong one', async () => {
    const bare = await t.core.handle(message('faq', { isModerator: true }));
    expect(bare.kind).toBe('info');
    for (const sub of ['faq pin <topic>', 'faq unpin <topic>', 'faq list', 'faq gaps', 'faq stats']) expect(bare.text).toContain(sub);
    const wrong = await t.core.handle(message('faq foo bar', { isModerator: true }));
    expect(wrong.kind).toBe('error');
    expect(wrong.text).toMatch(/^I don't know "faq foo"\./);
    expect(wrong.text).toContain('faq gaps');
    // A known subcommand with words it does not take is shown the usage too, not answered as a question.
    expect((await t.core.handle(message('faq list please', { isModerator: true }))).text).toContain('faq pin <topic>');
  });

  it('tells anyone else how to ask instead, privately outside a DM', async () => {
    for (const text of ['faq', 'FAQ foo', '/faq']) {
      const reply = await t.core.handle(message(text));
      expect(reply.kind).toBe('info');
      expect(reply.text).toMatch(/for moderators\. Just ask your question/);
      expect(reply.text).not.toContain('faq gaps');
      expect(reply.ephemeral).toBe(true);
    }
  });

  it('is neither answered as a question nor listed in faq gaps', async () => {
    for (const text of ['faq', 'faq foo']) {
      await t.core.handle(message(text));
      await t.core.handle(message(text, { isModerator: true }));
    }
    expect(await gaps()).toBe('No unanswered questions in the last 30 days.');
  });
});
