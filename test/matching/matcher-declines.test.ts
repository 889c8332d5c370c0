import { realMatcher, replyTo } from './matcher-helpers';

describe('matcher: declines', () => {
  it.each([
    'what is a good movie to watch tonight',
    'how much does microneedling cost',
    'can i wear makeup after microneedling',
    'is it ok to work out after microneedling',
    'can i get microneedling on my neck',
    'is microneedling good for rosacea',
    'can i drink wine after my session',
    'how do i cancel my appointment',
    'do you have somebody who speaks arabic in the clinic? my father english is not so good',
    'is the doctor a woman? my mother prefers a lady doctor',
    'can i book online or do i have to ring up',
    'how long do the results last',
    'can i use my retinol after microneedling',
  ])('declines the uncovered question %j', (question) => {
    const reply = replyTo(question);
    expect(reply.kind).toBe('fallback');
    expect(reply.text).toMatch(/provider/);
  });

  it.each([
    'does dermaplaning sting?',
    'my lips peel every winter, why?',
    'why is my skin peeling after using retinol cream',
    'how long does redness last after a chemical peel',
    'i got sunburned at the beach what do i do',
    'is coconut oil good for cooking',
  ])('declines the look-alike %j that only shares words with an answer', (question) => {
    expect(replyTo(question).kind).toBe('fallback');
  });

  it.each([
    'is it normal for a new ear piercing to bleed a little',
    'my son got his nose pierced on saturday and it is red around the stud, normal?',
    'got burned at the beach on holiday and now my shoulders are peeling, what helps',
    'can i put coconut oil on a bed sore',
    'can i use the numbing cream on my daughter before her jabs',
    'bit of bleeding after dry needling at the physio, is that normal',
    'does microneedling work as well on olive skin tones',
  ])('declines %j: another procedure, cause or condition, or something the article does not say', (question) => {
    expect(replyTo(question).kind).toBe('fallback');
  });

  it('answers when the needles themselves pierce the skin', () => {
    expect(replyTo('the needles pierce the skin, so does it hurt a lot').faqId).toBe('pain-and-numbing');
    expect(replyTo('i got my skin pierced by hundreds of tiny needles, will it bleed a lot').faqId).toBe('bleeding-normal');
  });

  it('keeps "her blood" and "blood today" questions about bleeding (out-of-scope terms ignore plurals: no "her bloods")', () => {
    expect(replyTo('there was a bit of blood today, is that normal').faqId).toBe('bleeding-normal');
    expect(replyTo('my mum is on warfarin, will her blood clot ok').faqId).toBe('blood-thinners-bleeding-disorders');
  });

  it('does not let a yardstick after "than" count against the question', () => {
    const { matcher } = realMatcher();
    const trace = matcher.explain('is it more painful than having a cannula put in? want a rough idea before i go');
    expect(trace.clauses[0]!.concepts).toContain('pain');
    expect(trace.clauses[0]!.concepts).not.toContain('cannula');
    expect(trace.result).toMatchObject({ kind: 'answer', entry: { id: 'pain-and-numbing' } });
    // A choice keeps the other thing: it is what the question is about.
    expect(matcher.explain('is microneedling a better option than a cannula drip').clauses[0]!.concepts).toContain('cannula');
  });

  it('reads "one go" as one session', () => {
    expect(replyTo('would one go be enough').faqId).toBe('number-of-treatments');
    expect(replyTo('one go enough or will i need more').faqId).toBe('number-of-treatments');
  });

  it('still answers when the shared word is used about microneedling', () => {
    expect(replyTo('does microneedling sting').kind).toBe('answer');
    expect(replyTo('does my face look like a sunburn after microneedling').faqId).toBe('redness-how-long');
    expect(replyTo('is peeling normal after microneedling').faqId).toBe('peeling-and-shedding');
  });

  it.each(['', '   ', '\n\t', '😀😀😀', '<@123> @everyone', '?!?...'])('declines empty input %j as empty', (question) => {
    const result = realMatcher().matcher.match(question);
    expect(result).toMatchObject({ kind: 'decline', reason: 'empty', suggestions: [] });
  });

  it('records which out-of-scope topic caught the question', () => {
    const result = realMatcher().matcher.match('does botox hurt');
    expect(result).toMatchObject({ kind: 'decline', reason: 'out-of-scope', outOfScopeId: 'other-procedures' });
  });

  it.each([
    'does acupuncture give you the same collagen boost',
    'my dad is on blood thinners and wants a hair transplant, will he bleed more during that?',
    'is it normal for the cannula site to keep bleeding a bit after it is taken out?',
    'does numbing cream like emla work for kids having bloods done?',
  ])('declines %j as a question about another procedure, though its words are an answer\'s', (question) => {
    expect(realMatcher().matcher.match(question)).toMatchObject({ kind: 'decline', outOfScopeId: 'other-procedures' });
  });

  it('answers a question that names microneedling, though another question of the message names another procedure', () => {
    const reply = replyTo('Should I expect peeling after microneedling, or is that only a chemical-peel thing?');
    expect(reply).toMatchObject({ kind: 'answer' });
    expect(reply.text).toMatch(/peel|flak|shed/i);
    // Without microneedling named, the other procedure is what the message is about.
    expect(replyTo('I had a chemical peel on Monday. Is peeling normal?').kind).toBe('fallback');
  });

  it('declines questions made only of everyday words', () => {
    expect(replyTo('can i go to the office the day after').kind).toBe('fallback');
    expect(replyTo('what about the weekend after').kind).toBe('fallback');
  });

  it('reads a follow-up as the question it continues: its terms are that question\'s', () => {
    // "or is it a waste of money" alone would be about the treatment; it continues the question about collagen powder.
    const question = 'Is drinking collagen powder worth it for fine lines or is it a waste of money?';
    const result = realMatcher().matcher.explain(question);
    expect(result.decisions.every((d) => !d.verdict.startsWith('entry'))).toBe(true);
    expect(replyTo(question).kind).toBe('fallback');
  });
});
