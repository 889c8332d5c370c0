import { loadKnowledge } from '../../src/knowledge/load-knowledge';
import { foldText } from '../../src/matching/fold-text';
import { compileLexicon } from '../../src/matching/lexicon';
import { KNOWLEDGE_DIR } from './matcher-helpers';

const lex = compileLexicon(loadKnowledge(KNOWLEDGE_DIR).lexicon);
const prepare = (text: string): string =>
  lex.joinPhrases(lex.expand(foldText(text).replace(/[.?!;\n]+/g, ' ').replace(/ +/g, ' ').trim()));

describe('the lexicon (knowledge/lexicon.yaml) applied to a message', () => {
  it('expands chat slang and abbreviations', () => {
    expect(prepare('u ok rn? idk if ur face is red bc of it, pls help')).toBe(
      'you ok right now i dont know if your face is red because of it please help',
    );
    expect(prepare('red for 24hrs after my sesh w/ the derm')).toContain('dermatologist');
  });

  it('reads "hang about" and "stick around" as lasting, and "loads" as lots (blind 129 and 131, after their score)', () => {
    expect(prepare('how long does the pink hang about')).toBe('how long does the pink last');
    expect(prepare('will the redness stick around')).toBe('will the redness last');
    expect(prepare('is the peeling going to be loads')).toBe('is the peeling going to be lots');
    // A baby shower is a party, not washing (blind 136, after its score).
    expect(prepare('a baby shower on saturday')).toBe('a party on saturday');
    // Spanish words mixed in (blind 136, after its score).
    expect(prepare('pero que es eso, mi cara esta dormida')).toContain('but what is');
    expect(prepare('mi cara esta dormida')).toContain('numb');
    // "short q": a question announced, not a word of what is asked (blind 131).
    expect(prepare('short q. two qs')).toBe('short question two questions');
  });

  it('reads other names for the procedure as microneedling', () => {
    for (const name of ['micro needling', 'Micro-Needling', 'MN', 'dermapen', 'skin needling', 'collagen induction therapy', 'needle facial']) {
      expect(prepare(`after ${name}`)).toBe('after microneedling');
    }
  });

  it('keeps the space a rewrite pattern ends with: "is it all" is not "is it a..."', () => {
    expect(prepare('is it all out of pocket')).toBe('is it all out of pocket');
    expect(prepare('is it a laser')).toBe('is it like a laser');
  });

  it('fixes common misspellings', () => {
    expect(prepare('sunscren? bleding?')).toBe('sunscreen bleeding');
  });

  it('maps words to concepts through synonym groups and the stemmer', () => {
    expect(lex.conceptOf('flaking')).toBe(lex.conceptOf('peeling'));
    expect(lex.conceptOf('warfarin')).toBe(lex.conceptOf('thinners'));
    expect(lex.conceptOf('bled')).toBe(lex.conceptOf('bleeding'));
  });

  it('treats words that name JavaScript object members as ordinary words', () => {
    for (const word of ['constructor', 'prototype', '__proto__', 'toString', 'hasOwnProperty', 'valueOf']) {
      const folded = foldText(word);
      expect(prepare(word)).toBe(folded);
      expect(typeof lex.conceptOf(folded)).toBe('string');
      expect(lex.conceptOf(folded)).not.toMatch(/function|\[native code\]/);
    }
  });
});
