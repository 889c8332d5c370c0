import { editDistance } from '../../src/matching/spelling-corrector';
import { realMatcher, replyTo } from './matcher-helpers';

// General mechanisms added after scoring a fresh 200-question batch written blind (before reading the
// knowledge pack or the matcher).

const idOf = (question: string): string | null => {
  const reply = replyTo(question);
  return reply.kind === 'answer' ? reply.faqId : reply.kind;
};

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and swaps', () => {
    expect(editDistance('infecton', 'infection')).toBe(1);
    expect(editDistance('feverr', 'fever')).toBe(1);
    expect(editDistance('blsiters', 'blisters')).toBe(1);
    expect(editDistance('rash', 'rash')).toBe(0);
    expect(editDistance('inspection', 'infection')).toBe(2);
  });

  it('stops counting past its bound', () => {
    expect(editDistance('intention', 'infection', 1)).toBe(2);
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
  });
});

describe('red flags only see spelling corrections that are one slip away', () => {
  it.each([
    'is bleeding normal after lip injections',
    'the inspection at the clinic was quick',
    'my intention is to get microneedling next month',
    'i had fewer flakes this time',
    'it was chilly outside after my session',
    'i went on hikes after my session',
  ])('does not read a warning sign into %j', (question) => {
    expect(replyTo(question).kind).not.toBe('escalation');
  });

  it.each(['i think its infecton', 'my face is infectd', 'i have a feverr', 'i think i have an infectoin'])('still escalates the typo %j', (question) => {
    expect(replyTo(question).kind).toBe('escalation');
  });
});

describe('red flags found by the blind batch', () => {
  it.each([
    ['swollen lymph nodes in my neck after microneedling', 'infection'],
    ['there are open sores on my face that arent healing', 'infection'],
    ['my whole cheek is puffy and hot', 'infection'],
    ['increasing redness and warmth', 'infection'],
    ['redness increasing around the spots', 'spreading-or-worsening-redness'],
    ['my face is burning like crazy, i cant stand the pain', 'severe-or-increasing-pain'],
    ['it kinda hurts more than it did day 1', 'severe-or-increasing-pain'],
    ['my eye is red and painful after the session', 'severe-or-increasing-pain'],
    ['the swelling hasnt gone down after 4 days', 'severe-or-increasing-swelling'],
    ['my whole face is swollen', 'severe-or-increasing-swelling'],
    ['itchy bumps spreading all over my face', 'allergic-reaction'],
    ['im allergic to lidocaine and now my face is swelling', 'allergic-reaction'],
    ['i can barely breathe', 'breathing-or-throat'],
    ['having a hard time swallowing after the treatment', 'breathing-or-throat'],
    ['i have a temperature and my face is swollen', 'fever-or-chills'],
    ['still extremely red on day 6', 'redness-not-easing'],
    ['my skin is bleeding again 2 days after treatment and wont stop', 'bleeding-will-not-stop'],
    ['my skin is cracking and bleeding and getting worse', 'worsening-over-time'],
    ['something white and thick is coming out of the holes', 'pus-or-oozing'],
    ['my face went numb and it hasnt come back for 2 days', 'lasting-numbness-or-tingling'],
    ['i got a cold sore outbreak after microneedling', 'infection'],
  ])('escalates %j (%s)', (question, ruleId) => {
    const result = realMatcher().matcher.match(question);
    expect(result.kind === 'escalation' && result.rule.id).toBe(ruleId);
  });

  it.each([
    'how do i prevent infection after microneedling',
    'what if i cant handle the pain during the session',
    'what if i am allergic to the numbing cream',
    'can i take a hot shower after microneedling',
    'do they numb around the eyes? is it painful',
    'i get cold sores, can i still get microneedling',
  ])('does not escalate the question %j, which reports no symptom', (question) => {
    expect(replyTo(question).kind).not.toBe('escalation');
  });
});

describe('other look-alikes found by the blind batch', () => {
  it.each([
    'is microblading painful',
    'can i exfoliate after getting my eyebrows microbladed',
    'what sunscreen should i use for the beach',
    'how long should i wait between microneedling sessions',
    'why is my face red all the time',
    'should i tell my doctor i take blood thinners before a colonoscopy',
    'can u recommend a good skincare youtuber',
  ])('declines %j', (question) => {
    expect(replyTo(question).kind).toBe('fallback');
  });

  it.each([
    ['does it hurt??? im such a baby with needles', 'pain-and-numbing'],
    ['can i go to the beach after microneedling', 'sunscreen-two-weeks'],
    ['does it hurt more on the upper lip area', 'pain-and-numbing'],
    ['my friend keeps raving about microneedling, whats the deal with it', 'what-is-microneedling'],
    ['so like what IS microneedling, is it a laser or what', 'what-is-microneedling'],
    ['why ppl do microneedling tho', 'why-get-microneedling'],
    ['whats with all the dead skin after my microneedling', 'peeling-and-shedding'],
    ['does the blood mean they went too deep', 'bleeding-normal'],
    ['how many time take microneedling procedure', 'procedure-length'],
  ])('answers %j', (question, id) => {
    expect(idOf(question)).toBe(id);
  });
});
