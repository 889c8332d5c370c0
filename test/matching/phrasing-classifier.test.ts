import { trainPhrasingClassifier } from '../../src/matching/phrasing-classifier';

// Features are numbers (feature-ids.ts); the tests name them for reading.
const names = ['sunscreen', 'beach', 'outside', 'spf', 'peel', 'flake', 'normal', 'price', 'unheard'];
const f = (...words: string[]): number[] => words.map((w) => names.indexOf(w));

const examples = [
  { label: 'sun', features: f('sunscreen', 'beach') },
  { label: 'sun', features: f('sunscreen', 'outside') },
  { label: 'sun', features: f('spf', 'outside') },
  { label: 'peel', features: f('peel', 'flake') },
  { label: 'peel', features: f('peel', 'normal') },
  { label: 'declined', features: f('price', 'normal') },
];

describe('the phrasing classifier', () => {
  const classifier = trainPhrasingClassifier(examples);

  it('gives the label whose phrasings share the features', () => {
    expect(classifier.predict(f('sunscreen', 'outside'))?.label).toBe('sun');
    expect(classifier.predict(f('flake'))?.label).toBe('peel');
    expect(classifier.predict(f('price'))?.label).toBe('declined');
  });

  it('is surer when more features agree', () => {
    const one = classifier.predict(f('peel'))!.probability;
    const two = classifier.predict(f('peel', 'flake'))!.probability;
    expect(one).toBeGreaterThan(0.5);
    expect(two).toBeGreaterThan(one);
    expect(two).toBeLessThan(1);
  });

  it('ignores features no phrasing had, and predicts nothing from those alone', () => {
    expect(classifier.predict(f('unheard', 'flake'))).toEqual(classifier.predict(f('flake')));
    expect(classifier.predict(f('unheard'))).toBeNull();
    expect(classifier.predict([])).toBeNull();
  });

  it('counts a feature once per phrasing, however often it repeats', () => {
    expect(classifier.predict(f('normal', 'normal'))).toEqual(classifier.predict(f('normal')));
  });

  it('reads a number it never handed out as an unseen feature', () => {
    expect(classifier.predict([-1, 1000, ...f('flake')])).toEqual(classifier.predict(f('flake')));
  });

  it('predicts nothing when it learned nothing', () => {
    expect(trainPhrasingClassifier([]).predict(f('peel'))).toBeNull();
  });
});
