import { trainPhrasingClassifier } from '../../src/matching/phrasing-classifier';

const examples = [
  { label: 'sun', features: ['c:sunscreen', 'c:beach'] },
  { label: 'sun', features: ['c:sunscreen', 'c:outside'] },
  { label: 'sun', features: ['c:spf', 'c:outside'] },
  { label: 'peel', features: ['c:peel', 'c:flake'] },
  { label: 'peel', features: ['c:peel', 'c:normal'] },
  { label: 'declined', features: ['c:price', 'c:normal'] },
];

describe('the phrasing classifier', () => {
  const classifier = trainPhrasingClassifier(examples);

  it('gives the label whose phrasings share the features', () => {
    expect(classifier.predict(['c:sunscreen', 'c:outside'])?.label).toBe('sun');
    expect(classifier.predict(['c:flake'])?.label).toBe('peel');
    expect(classifier.predict(['c:price'])?.label).toBe('declined');
  });

  it('is surer when more features agree', () => {
    const one = classifier.predict(['c:peel'])!.probability;
    const two = classifier.predict(['c:peel', 'c:flake'])!.probability;
    expect(one).toBeGreaterThan(0.5);
    expect(two).toBeGreaterThan(one);
    expect(two).toBeLessThan(1);
  });

  it('ignores features no phrasing had, and predicts nothing from those alone', () => {
    expect(classifier.predict(['c:unheard', 'c:flake'])).toEqual(classifier.predict(['c:flake']));
    expect(classifier.predict(['c:unheard'])).toBeNull();
    expect(classifier.predict([])).toBeNull();
  });

  it('counts a feature once per phrasing, however often it repeats', () => {
    expect(classifier.predict(['c:normal', 'c:normal'])).toEqual(classifier.predict(['c:normal']));
  });

  it('predicts nothing when it learned nothing', () => {
    expect(trainPhrasingClassifier([]).predict(['c:peel'])).toBeNull();
  });
});
