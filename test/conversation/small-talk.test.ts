import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { IncomingMessage } from '../../src/conversation/incoming-message';
import { checkKnowledge } from '../../src/knowledge/check-knowledge';
import { KnowledgeError, loadKnowledge } from '../../src/knowledge/load-knowledge';
import { copyKnowledge } from '../support/knowledge-copy';
import { createTestCore, type TestCore } from '../support/test-core';

function message(text: string, extra: Partial<IncomingMessage> = {}): IncomingMessage {
  return { platform: 'discord', user: { id: 'u-1' }, channel: { id: 'dm-1', isDirect: true }, text, isModerator: false, ...extra };
}

describe('small talk (knowledge/small-talk.yaml)', () => {
  let t: TestCore;
  beforeEach(async () => {
    // One person says many things in a row here; the rate limit is the flood test's subject.
    t = await createTestCore({ env: { RATE_LIMIT_BURST: '1000' } });
  });
  afterEach(() => t.cleanup());

  const replyOf = (id: string) => {
    const kind = t.knowledge.knowledge.smallTalk.find((k) => k.id === id);
    if (!kind) throw new Error(`no small talk ${id} in the pack`);
    return kind.reply;
  };
  const gapsView = async () =>
    (await t.core.handle(message('faq gaps', { isModerator: true, channel: { id: 'c-mods', isDirect: false } }))).text;

  it('answers thanks, hello, "what can you do" and a stray number briefly, from the pack, and records none of it', async () => {
    const said: Array<[string, string]> = [
      ['thanks!', 'thanks'],
      ['Thank you so much 🙏', 'thanks'],
      ['ty', 'thanks'],
      ['ok thanks', 'thanks'],
      ['hi', 'greeting'],
      ['Hello there!', 'greeting'],
      ['hey', 'greeting'],
      ['what can you do?', 'what-can-you-do'],
      ["What's this bot?", 'what-can-you-do'],
      ['1', 'stray-number'],
      ['ok', 'acknowledgement'],
    ];
    for (const [text, id] of said) {
      const reply = await t.core.handle(message(text));
      expect([text, reply.kind, reply.text]).toEqual([text, 'info', replyOf(id)]);
    }
    expect(await gapsView()).toBe('No unanswered questions in the last 30 days.');
    // Not in faq stats either: nothing was recorded as a question.
    expect(await t.store.questions.count()).toBe(0);
  });

  it('still answers the question in "thanks, but is bleeding normal?" and escalates "hi, I have pus on my face"', async () => {
    const question = await t.core.handle(message('thanks, but is bleeding normal?'));
    expect([question.kind, question.faqId]).toEqual(['answer', 'bleeding-normal']);
    const warning = await t.core.handle(message('hi, I have pus on my face'));
    expect(warning.kind).toBe('escalation');
    expect(warning.text).toContain(t.knowledge.knowledge.escalation);
    // Both are questions: recorded for the moderators as such.
    expect(await t.store.questions.count()).toBe(2);
  });

  it('a question the guide does not cover, however it starts, is still "not covered" and a gap', async () => {
    const reply = await t.core.handle(message('thanks, can I get a tattoo next week'));
    expect(reply.text).toContain(t.knowledge.knowledge.fallback);
    expect(await gapsView()).toContain('tattoo');
  });
});

describe('small talk is the clinic\'s to word', () => {
  let t: TestCore | undefined;
  afterEach(() => t?.cleanup());

  const packWith = (dir: string, yaml: string | null) => {
    const knowledgeDir = copyKnowledge(dir);
    const file = path.join(knowledgeDir, 'small-talk.yaml');
    if (yaml === null) rmSync(file);
    else writeFileSync(file, yaml);
    return knowledgeDir;
  };

  it('uses the pack\'s own words and patterns, and a pack without the file has no small talk', async () => {
    t = await createTestCore();
    const own = loadKnowledge(
      packWith(t.dir, `smallTalk:\n  - id: merci\n    patterns: ['merci( beaucoup)?']\n    reply: De rien ! Posez une autre question quand vous voulez.\n`),
    );
    t.knowledge.replace(own);
    expect((await t.core.handle(message('Merci beaucoup !'))).text).toBe('De rien ! Posez une autre question quand vous voulez.');
    // "thanks" is no longer small talk in this pack: the matcher's decline stands.
    expect((await t.core.handle(message('thanks'))).text).toContain(own.fallback);

    const none = loadKnowledge(packWith(t.dir, null));
    expect(none.smallTalk).toEqual([]);
  });

  it('refuses a pattern that is not a regular expression, naming the file and the kind', async () => {
    t = await createTestCore();
    const dir = packWith(t.dir, `smallTalk:\n  - id: thanks\n    patterns: ['(thanks']\n    reply: You're welcome.\n`);
    expect(() => loadKnowledge(dir)).toThrow(KnowledgeError);
    expect(() => loadKnowledge(dir)).toThrow(/small-talk\.yaml[\s\S]*smallTalk\[0\] \(id: thanks\) → patterns\[0\]/);
  });

  it('knowledge:check reports a pattern loose enough to take one of the pack\'s questions for small talk', async () => {
    t = await createTestCore();
    const loose = loadKnowledge(packWith(t.dir, `smallTalk:\n  - id: thanks\n    patterns: ['thanks.*', 'how long.*']\n    reply: You're welcome.\n`));
    const errors = checkKnowledge(loose).filter((f) => f.level === 'error' && f.where.startsWith('small-talk.yaml'));
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]?.message).toMatch(/a pattern takes the question "how long.*" \(faq\.yaml → entries\[\d+\] \(id: [a-z-]+\)/i);
    // The shipped pack has none.
    expect(checkKnowledge(t.knowledge.knowledge).filter((f) => f.where.startsWith('small-talk.yaml'))).toEqual([]);
  });
});
