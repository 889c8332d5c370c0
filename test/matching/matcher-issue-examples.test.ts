import { realMatcher, replyTo } from './matcher-helpers';

// The behaviours issue 9 found wrong by hand, each kept as a test.
const match = (question: string) => realMatcher().matcher.match(question);

describe('a normal-course fact stated outside its time window is a warning sign', () => {
  it.each([
    "it's been a week and i'm still bleeding",
    'day 4 and my face is still bleeding a little',
    'still bright red three weeks after microneedling',
  ])('escalates %j', (question) => {
    expect(match(question).kind).toBe('escalation');
  });

  it.each(['i bled a little during my session, is that normal', 'is it normal to be pink on day 2'])(
    'answers the normal course %j',
    (question) => {
      expect(match(question).kind).toBe('answer');
    },
  );
});

describe('questions about how long', () => {
  it('answers how long peeling lasts from the peeling entry', () => {
    const result = match('how long does peeling last');
    expect(result.kind === 'answer' && result.entry.id).toBe('peeling-and-shedding');
  });

  it('does not answer a bare "how long" with confidence: it offers what it may be about', () => {
    const reply = replyTo('how long');
    expect(reply.kind).toBe('fallback');
    expect(reply.suggestions.map((s) => s.faqId)).toContain('procedure-length');
  });
});

describe('answers fit questions that are not yes/no ones', () => {
  it('never opens an answer with yes or no', () => {
    for (const entry of realMatcher().knowledge.entries) expect(entry.answer).not.toMatch(/^(yes|no)\b/i);
    expect(replyTo('can i go in the sun').text).not.toMatch(/^(yes|no)\b/i);
  });
});

describe('a warning sign cannot be hidden', () => {
  it.each([
    ['a soft hyphen inside the word', 'there is p\u00adus on my cheek'],
    ['a zero-width space inside the word', 'there is p\u200bus on my cheek'],
    ['look-alike letters from other alphabets', 'there is \u0440\u057ds on my cheek'],
    ['inline code', 'quick one: `pus coming out of the holes`'],
    ['a code block', '```\nfever and chills since yesterday\n```'],
    ['more than 20,000 characters of story before it', `${'so my day went fine. '.repeat(1_200)}and now there is pus on my cheek`],
  ])('escalates with %s', (_how, question) => {
    expect(match(question).kind).toBe('escalation');
  });
});

describe('words that name JavaScript object members are ordinary words', () => {
  it.each(['constructor', 'what is a constructor', '__proto__ toString valueOf', 'hasOwnProperty of peeling'])(
    'matches %j without reaching Object.prototype',
    (question) => {
      const trace = realMatcher().matcher.explain(question);
      expect(JSON.stringify(trace.clauses)).not.toMatch(/function|native code/);
      expect(['answer', 'decline']).toContain(trace.result.kind);
    },
  );
});

describe('several questions in one message', () => {
  it('answers each covered question once, in one reply, with every source', () => {
    const reply = replyTo('Does microneedling hurt? And how many sessions will I need before I see a difference?');
    expect(reply.kind).toBe('answer');
    expect(reply.text).toMatch(/numbing/);
    expect(reply.text).toMatch(/4-6 treatments/);
    expect(reply.sources).toEqual(expect.arrayContaining(['WebMD']));
  });

  it('answers the question inside a long story, backstory aside', () => {
    const reply = replyTo(
      "Long time lurker, 41F, combination skin. My derm did my first session on Thursday and my sister came along. I'm a bit nervous about the sun this weekend because we're going to the lake. How long do I need to keep using sunscreen?",
    );
    expect(reply.kind === 'answer' && reply.faqId).toBe('sunscreen-two-weeks');
  });
});
