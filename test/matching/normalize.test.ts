import { MAX_INPUT_CHARS, normalize } from '../../src/matching/normalize';

describe('normalize', () => {
  it('lowercases, strips punctuation and collapses whitespace', () => {
    expect(normalize('  Is   BLEEDING normal?!?  ')).toBe('is bleeding normal');
  });

  it('joins contractions so negations stay one word', () => {
    expect(normalize("it won't stop, I can't")).toBe('it wont stop i cant');
  });

  it('expands chat slang', () => {
    expect(normalize('u ok rn? idk if ur face is red bc of it, pls help')).toBe(
      'you ok right now i dont know if your face is red because of it please help',
    );
    expect(normalize('need spf for 2wks?')).toBe('need sunscreen for 2 weeks');
    expect(normalize('red for 24hrs after my sesh w/ the derm')).toBe(
      'red for 24 hours after my session with the dermatologist',
    );
  });

  it('fixes microneedling misspellings and other common typos', () => {
    for (const spelling of ['micro needling', 'Micro-Needling', 'microneedeling', 'mirconeedling', 'microneedled', 'needling']) {
      expect(normalize(`after ${spelling}`)).toBe('after microneedling');
    }
    expect(normalize('sunscren? redess? peelin? bleding?')).toBe('sunscreen redness peeling bleeding');
  });

  it('removes emoji, including emoji-only messages', () => {
    expect(normalize('does it hurt 😬😭👍🏽')).toBe('does it hurt');
    expect(normalize('🍅🔥❤️')).toBe('');
    expect(normalize('so red :sob: :tomato:')).toBe('so red');
  });

  it('removes Discord and Slack mentions, @everyone and channel markup', () => {
    expect(normalize('<@123456789> <@!42> is peeling normal <#C024BE91L|general> <!channel> @everyone @here')).toBe(
      'is peeling normal',
    );
    expect(normalize('<:pepe:1234> <a:wave:99> hi')).toBe('hi');
  });

  it('removes URLs and code but keeps link labels', () => {
    expect(normalize('read https://example.com/a?b=c and www.foo.org first')).toBe('read and first');
    expect(normalize('see <https://example.com|this article> about redness')).toBe('see this article about redness');
    expect(normalize('```rm -rf /``` is `sudo` peeling normal')).toBe('is peeling normal');
  });

  it('folds accents', () => {
    expect(normalize('décolletage')).toBe('decolletage');
  });

  // Speed is measured by `npm run bench`, not here.
  it('reads only the first MAX_INPUT_CHARS characters of huge input', () => {
    const huge = `is peeling normal ${'blah '.repeat(200_000)}`;
    const out = normalize(huge);
    expect(out.startsWith('is peeling normal blah')).toBe(true);
    expect(out.length).toBeLessThanOrEqual(MAX_INPUT_CHARS);
  });

  it('expands the short forms people type for "until", "a lot" and "treatment"', () => {
    expect(normalize('how many tx till i see results')).toBe('how many treatment until i see results');
    expect(normalize('do u bleed alot')).toBe('do you bleed a lot');
  });
});

describe('normalize: exfoliant and learner-English rewrites', () => {
  it('folds acid exfoliants and peeling products onto exfoliant words', () => {
    expect(normalize('my glycolic acid toner')).toBe('my glycolic toner');
    expect(normalize('alpha hydroxy acids')).toBe('aha');
    expect(normalize('peel pads and dead skin')).toBe('exfoliating pads and shedding skin');
  });

  it('reads "how many time" as how much time, but keeps "how many times"', () => {
    expect(normalize('how many time take microneedling')).toBe('how much time take microneedling');
    expect(normalize('how many times')).toBe('how many times');
  });
});
