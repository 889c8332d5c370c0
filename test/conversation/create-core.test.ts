import { MAX_QUESTION_LENGTH } from '../../src/conversation/answer-question';
import type { IncomingMessage } from '../../src/conversation/incoming-message';
import { suggestionAction } from '../../src/conversation/reply';
import { createTestCore, type TestCore } from '../support/test-core';
import { sqlRows } from '../support/sql-rows';

function message(text: string, extra: Partial<IncomingMessage> = {}): IncomingMessage {
  return {
    platform: 'discord',
    user: { id: '111111111111111111' },
    channel: { id: '222222222222222222', isDirect: false },
    text,
    isModerator: false,
    ...extra,
  };
}

describe('conversation core', () => {
  let t: TestCore;
  beforeEach(async () => {
    t = await createTestCore();
  });
  afterEach(() => t.cleanup());

  it('answers a question with the pack text, its sources and the disclaimer', async () => {
    const reply = await t.core.handle(message('how long will my face stay red?'));
    expect(reply.kind).toBe('answer');
    const entry = t.knowledge.knowledge.entries.find((e) => e.id === reply.faqId);
    expect(reply.text).toBe(entry?.answer);
    expect(reply.text).toMatch(/24 hours/);
    expect(reply.sources).toEqual(entry?.sources);
    expect(reply.disclaimer).toBe(t.knowledge.knowledge.disclaimer);
  });

  it('treats "ask <question>" like the plain question', async () => {
    const plain = await t.core.handle(message('do I need sunscreen'));
    const asked = await t.core.handle(message('ask do I need sunscreen'));
    expect(asked.faqId).toBe(plain.faqId);
    expect(asked.text).toMatch(/two weeks/);
  });

  it('shows help, and lists every topic', async () => {
    expect((await t.core.handle(message('help'))).text).toMatch(/Commands:/);
    const topics = await t.core.handle(message('topics'));
    for (const e of t.knowledge.knowledge.entries) expect(topics.text).toContain(e.id);
  });

  it('does not take a question starting with "help" for the help command', async () => {
    const reply = await t.core.handle(message('help my skin is peeling after microneedling'));
    expect(reply.kind).toBe('answer');
    expect(reply.text).toMatch(/peel|shed/i);
  });

  it('says plainly when something is not covered, and escalates warning signs', async () => {
    const declined = await t.core.handle(message('what is a good movie to watch tonight'));
    expect(declined.kind).toBe('fallback');
    expect(declined.text).toBe(t.knowledge.knowledge.fallback);
    const urgent = await t.core.handle(message('my face is hot, swelling more and more and I have chills'));
    expect(urgent.kind).toBe('escalation');
    expect(urgent.text).toMatch(/provider|doctor|clinic/i);
  });

  it('answers empty, huge, emoji and SQL-looking input clearly, and keeps working', async () => {
    expect((await t.core.handle(message('   '))).text).toMatch(/Ask me an aftercare question/);
    const huge = await t.core.handle(message('why '.repeat(MAX_QUESTION_LENGTH / 2)));
    expect(huge.text).toContain(`under ${MAX_QUESTION_LENGTH} characters`);
    expect((await t.core.handle(message('🔥🔥🔥'))).kind).toBe('fallback');
    const sql = await t.core.handle(message("'; DROP TABLE question_events; --"));
    expect(sql.kind).toBe('fallback');
    expect((await t.core.handle(message('does it hurt'))).kind).toBe('answer');
    expect(await t.store.questions.count()).toBeGreaterThanOrEqual(3);
  });

  it('escalates warning signs at the end of a long story, even one over the length limit', async () => {
    const story = 'Had my second session last week, the clinic was lovely and explained everything. '.repeat(8);
    expect(story.length).toBeGreaterThan(500);
    const ending = 'But now I have a fever and there is pus coming out of my cheek.';
    expect((await t.core.handle(message(story + ending))).kind).toBe('escalation');
    const long = story.repeat(Math.ceil(MAX_QUESTION_LENGTH / story.length) + 1);
    expect(long.length).toBeGreaterThan(MAX_QUESTION_LENGTH);
    expect((await t.core.handle(message(long + ending))).kind).toBe('escalation');
    expect((await t.core.handle(message(long))).text).toContain(`under ${MAX_QUESTION_LENGTH} characters`);
  });

  it('answers a "did you mean" button with that entry', async () => {
    const entry = t.knowledge.knowledge.entries[0]!;
    const reply = await t.core.handle(message('', { action: suggestionAction(entry.id) }));
    expect(reply.faqId).toBe(entry.id);
    expect(reply.text).toBe(entry.answer);
    const gone = await t.core.handle(message('', { action: suggestionAction('no-such-entry') }));
    expect(gone.kind).toBe('error');
  });

  it('records each outcome without the user id, with text only for declines', async () => {
    await t.core.handle(message('does it hurt'));
    await t.core.handle(message('how much should I tip'));
    await t.core.handle(message('I have a high fever after microneedling'));
    const rows = sqlRows<{
      outcome: string;
      faq_id: string | null;
      question: string | null;
    }>(t.config.DATABASE_PATH, 'SELECT outcome, faq_id, question FROM question_events ORDER BY id');
    expect(rows.map((r) => r.outcome)).toEqual(['answered', 'declined', 'escalated']);
    expect(rows[0]?.faq_id).not.toBeNull();
    expect(rows[1]?.question).toMatch(/tip/);
    expect(rows[2]?.question).toBeNull();
    const all = JSON.stringify(sqlRows(t.config.DATABASE_PATH, 'SELECT * FROM question_events'));
    expect(all).not.toContain('111111111111111111');
  });
});
