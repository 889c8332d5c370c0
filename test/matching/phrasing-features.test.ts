import { compileLexicon } from '../../src/matching/lexicon';
import { createPackTextTable } from '../../src/matching/pack-text-table';
import { createPhrasingFeatures } from '../../src/matching/phrasing-features';

const lexicon = compileLexicon({
  rewrites: [],
  tokens: {},
  misspellings: {},
  concepts: { red: ['redness', 'flushed'] },
  contextConcepts: [],
  intents: [],
  questionOpeners: [],
  comparisonWords: [],
  yardstickWords: [],
  choiceWords: [],
  pointingWords: [],
  clauseJoiners: [],
  negations: [],
  negationBreaks: [],
  disclaimers: { openers: [], concepts: [], words: [] },
  greetings: [],
  indirectQuestions: [],
  causeOpeners: [],
  describingWords: [],
  subjectWords: [],
  stopwords: ['is', 'my', 'the', 'on'],
  everydayWords: [],
  commonWords: [],
});

function features() {
  const table = createPackTextTable((text) => text.split(' '));
  return { table, features: createPhrasingFeatures(lexicon, table) };
}

describe('phrasing features', () => {
  it('reads concepts and neighbouring pairs, not stopwords or numbers, each once', () => {
    const { features: f } = features();
    const redness = f.ofWords(['is', 'my', 'redness', 'normal', 'on', 'day', '2']);
    // redness -> red, normal, day; pairs red+normal and normal+day (stopwords and numbers are skipped between).
    expect(redness).toHaveLength(5);
    // Another word of the same concept is the same feature.
    expect(f.ofWords(['flushed', 'normal'])).toEqual(redness.slice(0, 3));
    // red, normal, red+normal, normal+red: the repeated words and pair are counted once.
    expect(f.ofWords(['redness', 'normal', 'flushed', 'normal'])).toHaveLength(4);
  });

  it('gives a pack text the same features from its word numbers as from its words', () => {
    const { table, features: f } = features();
    const id = table.id('is the redness normal on day 3');
    const byNumbers = f.ofNumbers(table.wordNumbers(id));
    expect(byNumbers).toEqual(f.ofWords('is the redness normal on day 3'.split(' ')));
    expect(f.ofFolded('is the redness normal? on day 3.')).toEqual(byNumbers);
  });

  it('once frozen, has no feature for a concept or pair training never saw', () => {
    const { features: f } = features();
    const trained = f.ofWords(['redness', 'normal']);
    f.freeze();
    expect(f.ofWords(['redness', 'normal'])).toEqual(trained);
    expect(f.ofWords(['blister'])).toEqual([]);
    expect(f.ofWords(['normal', 'redness'])).toEqual(trained.slice(0, 2).reverse());
  });
});
