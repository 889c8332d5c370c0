import { foldText, sentencesOf } from '../../src/matching/fold-text';
import { normalize } from '../../src/matching/normalize';

describe('foldText', () => {
  it('lowercases, drops apostrophes, keeps sentence ends and turns other punctuation into spaces', () => {
    expect(foldText("  Is   BLEEDING normal?!  It won't stop, I can't.")).toBe('is bleeding normal?! it wont stop i cant.');
  });

  it('only lowercases a plain question, and folds one with anything more in it', () => {
    // A plain text (letters, digits, "?", "!", ";" and single spaces) is only lowercased; any one thing more
    // (a double or end space, a dot, a comma, a line break, markup) is folded as well.
    expect(foldText('How Long does 1 session TAKE?!;')).toBe('how long does 1 session take?!;');
    expect(foldText('How long  does it take?')).toBe('how long does it take?');
    expect(foldText(' How long? ')).toBe('how long?');
    expect(foldText('How long, roughly?')).toBe('how long roughly?');
    expect(foldText('Is 0.5mm deep?')).toBe('is 0 5mm deep?');
    expect(foldText('Red\nstill')).toBe('red\nstill');
    expect(foldText('Hi <@U123> is it ok')).toBe('hi is it ok');
  });

  it('removes invisible characters that split a word: soft hyphen, zero-width space and joiner, BOM', () => {
    for (const hidden of ['\u00ad', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff']) {
      expect(foldText(`p${hidden}us on my che${hidden}ek`)).toBe('pus on my cheek');
    }
  });

  it('maps look-alike letters from other alphabets and full-width forms to Latin', () => {
    // Cyrillic р and с, Armenian ս, Greek ο; full-width ｆｅｖｅｒ; mathematical bold 𝐫𝐞𝐝.
    expect(foldText('\u0440\u057ds and \u0441hills')).toBe('pus and chills');
    expect(foldText('ｆｅｖｅｒ')).toBe('fever');
    expect(foldText('my skin is 𝐫𝐞𝐝')).toBe('my skin is red');
    expect(foldText('swοllen')).toBe('swollen');
  });

  it('keeps the words inside code marks and code blocks, without the marks', () => {
    expect(foldText('is `pus coming out` normal')).toBe('is pus coming out normal');
    expect(foldText('```\nfever since tuesday\n```')).toBe('fever since tuesday');
  });

  it('removes mentions, @everyone, channel markup, URLs and emoji shortcodes, and keeps link labels', () => {
    expect(foldText('<@123456789> <@!42> is peeling normal <#C024BE91L|general> <!channel> @everyone @here')).toBe(
      'is peeling normal',
    );
    expect(foldText('see <https://example.com|this article> about redness https://x.y/z :sob:')).toBe('see this article about redness');
  });

  it('folds accents and makes an emoji end a sentence', () => {
    expect(foldText('décolletage')).toBe('decolletage');
    expect(sentencesOf(foldText('first time on fri 👀 what am i in for')).map((s) => s.text)).toEqual([
      'first time on fri',
      'what am i in for',
    ]);
  });

  it('reads a huge message to its end', () => {
    const folded = foldText(`${'blah '.repeat(50_000)}and now there is pus`);
    expect(folded.endsWith('and now there is pus')).toBe(true);
  });
});

describe('sentencesOf', () => {
  it('splits at sentence ends and notes which sentences asked', () => {
    expect(sentencesOf(foldText('Day 4. Still bleeding?? ok\nthanks 😭 ?'))).toEqual([
      { text: 'day 4', asked: false, leadIn: false },
      { text: 'still bleeding', asked: true, leadIn: false },
      { text: 'ok', asked: false, leadIn: false },
      { text: 'thanks', asked: true, leadIn: false },
    ]);
  });

  it('reads a text that ends once, or never, as one sentence, asked only when its end has a "?"', () => {
    expect(sentencesOf('how long will i stay red?! ')).toEqual([{ text: 'how long will i stay red', asked: true, leadIn: false }]);
    expect(sentencesOf('still red on day 2.')).toEqual([{ text: 'still red on day 2', asked: false, leadIn: false }]);
    expect(sentencesOf(' no end at all ')).toEqual([{ text: 'no end at all', asked: false, leadIn: false }]);
    expect(sentencesOf(' ?! ')).toEqual([]);
    expect(sentencesOf('')).toEqual([]);
    expect(sentencesOf('. is it normal?')).toEqual([{ text: 'is it normal', asked: true, leadIn: false }]);
  });

  it('ends a lead-in at a colon before a space, and reads no other colon as an end', () => {
    expect(sentencesOf(foldText('Two questions: does it hurt, and how long is the session?'))).toEqual([
      { text: 'two questions', asked: false, leadIn: true },
      { text: 'does it hurt and how long is the session', asked: true, leadIn: false },
    ]);
    expect(foldText('update at 10:30 :) still pink')).toBe('update at 10 30 still pink');
    // A colon with nothing after it introduces nothing: the sentence is not a lead-in.
    expect(sentencesOf(foldText('my question:'))).toEqual([{ text: 'my question', asked: false, leadIn: false }]);
  });

  it('keeps "1.5mm" in one sentence', () => {
    expect(sentencesOf(foldText('they went 1.5mm deep. is that a lot?'))).toHaveLength(2);
  });
});

describe('normalize (plain keyword matching, as for check-in answers)', () => {
  it('gives folded words without sentence ends', () => {
    expect(normalize('Still RED. A bit?')).toBe('still red a bit');
    expect(normalize('🍅🔥❤️')).toBe('');
  });
});

describe('foldText: letters without an accent to drop', () => {
  it('spells letters such as ł, đ and ß in Latin letters instead of losing them', () => {
    expect(foldText('łuszczy się, đỏ, Straße')).toBe('luszczy sie do strasse');
  });
});
