import type { OutOfScopeTopic } from '../../src/knowledge/knowledge-schema';
import { compileTermHits, singular } from '../../src/matching/topic-terms';

const TOPIC: OutOfScopeTopic = {
  id: 'other-procedures',
  description: 'Other procedures.',
  terms: ['tattoo', 'chemical peel', 'results ... last', 'laser'],
  examples: ['does a tattoo hurt'],
  changesSubject: true,
};
const words = (text: string): string[] => text.split(' ').filter(Boolean);
const hitsOf = compileTermHits([TOPIC], words, (term) => term === 'laser');
const spans = (text: string) => hitsOf(words(text).map(singular)).map((h) => [h.term, h.start, h.end]);

describe('out-of-scope term hits', () => {
  it('finds every term with its span, plurals folded and "..." gaps of up to three words', () => {
    expect(spans('do the results of it last')).toEqual([['results ... last', 2, 6]]);
    expect(spans('two tattoos or some chemical peels')).toEqual([
      ['tattoo', 1, 2],
      ['chemical peel', 4, 6],
    ]);
  });

  it('does not bridge more than three words or match inside other words', () => {
    expect(spans('the results were great and my skin did not last')).toEqual([]);
    expect(spans('a peel after chemicals')).toEqual([]);
  });

  it('leaves out the terms it is told to skip', () => {
    expect(spans('is a laser better')).toEqual([]);
  });

  it('names the words a term can start with, so text without any of them need not be searched', () => {
    expect([...hitsOf.firstWords].sort()).toEqual(['chemical', 'result', 'tattoo']);
    // "last" ends a term but starts none: a text with only it has no hits.
    expect(spans('how long does it last')).toEqual([]);
  });
});

describe('singular', () => {
  it('folds plurals only', () => {
    expect(['peels', 'injuries', 'brushes', 'scared', 'process', 'herpes'].map(singular)).toEqual([
      'peel',
      'injury',
      'brush',
      'scared',
      'process',
      'herpe',
    ]);
  });
});
