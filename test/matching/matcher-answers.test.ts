import { realMatcher, replyTo } from './matcher-helpers';

// Each case: a way a person might ask, the entry that must answer, and words the reply must contain.
const PARAPHRASES: [string, string, RegExp][] = [
  ['what is microneedling exactly', 'what-is-microneedling', /needles/],
  ['why would someone do microneedling on purpose', 'why-get-microneedling', /collagen/],
  ['some blood came out during my session, normal?', 'bleeding-normal', /bleeding/],
  ['i am on warfarin, anything to know?', 'blood-thinners-bleeding-disorders', /doctor/],
  ['is microneedling going to hurt', 'pain-and-numbing', /numbing/],
  ['how long until the redness goes away', 'redness-how-long', /24 hours/],
  ['i look like a lobster, when does that calm down', 'redness-how-long', /24 hours/],
  ['do i need sunscreen after microneedling', 'sunscreen-two-weeks', /two weeks/],
  ['my face is flaking off is that ok', 'peeling-and-shedding', /new skin/],
  ['why does my skin feel so tight', 'skin-tight-dry-rough', /tight/],
  ['can i use my face scrub after', 'avoid-exfoliating-products', /exfoliants/],
  ['what should i put on my dry skin', 'coconut-oil-for-dryness', /coconut oil/],
  ['how long does the procedure take', 'procedure-length', /10-20 minutes/],
  ['how many sessions until i see results', 'number-of-treatments', /4-6 treatments/],
  ['what side effects are normal after microneedling', 'side-effects-overview', /mild/],
];

describe('matcher: covered questions', () => {
  it.each(PARAPHRASES)('%s -> %s', (question, id, fact) => {
    const reply = replyTo(question);
    expect(reply.kind).toBe('answer');
    expect(reply.faqId).toBe(id);
    expect(reply.text).toMatch(fact);
    expect(reply.sources.length).toBeGreaterThan(0);
    expect(reply.confidence).toBeGreaterThan(0);
    expect(reply.confidence).toBeLessThanOrEqual(1);
  });

  it('answers through typos, slang, emoji and mentions', () => {
    expect(replyTo('mirconeedling hurt??').faqId).toBe('pain-and-numbing');
    expect(replyTo('how long does the redess last').faqId).toBe('redness-how-long');
    expect(replyTo('do i need sunscren after').faqId).toBe('sunscreen-two-weeks');
    expect(replyTo('is peelng normal after microneedling').faqId).toBe('peeling-and-shedding');
    expect(replyTo('<@123> how many sesh do u need 🙏').faqId).toBe('number-of-treatments');
    expect(replyTo('@everyone do i need spf after needling 😎').faqId).toBe('sunscreen-two-weeks');
  });

  it('gives the same answer to the main question of every entry', () => {
    const { knowledge, matcher } = realMatcher();
    for (const entry of knowledge.entries) {
      const result = matcher.match(entry.question);
      expect(result.kind === 'answer' && result.entry.id).toBe(entry.id);
    }
  });

  it('answers a long rambling message by its topic', () => {
    const reply = replyTo(
      'so I had my first session yesterday at a place near work and honestly it went fine but this morning my ' +
        'cheeks are still kind of red and my boss asked if I was ok lol, how long does that usually last?',
    );
    expect(reply.kind).toBe('answer');
    expect(reply.text).toMatch(/24 hours/);
  });
});

describe('matcher: an entry\'s own phrasings', () => {
  it('answers every question and alternate of every entry, written as the author wrote it, with that entry', () => {
    const { knowledge } = realMatcher();
    const missed = knowledge.entries.flatMap((e) =>
      [e.question, ...e.alternates].filter((q) => {
        const r = realMatcher().matcher.match(q);
        return r.kind !== 'answer' || r.entry.id !== e.id;
      }),
    );
    expect(missed).toEqual([]);
  });
});
