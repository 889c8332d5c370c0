import { createFeatureNames } from '../../src/matching/feature-names';

describe('feature names of the phrasing classifier', () => {
  it('names a concept and a pair of concepts, the same string object each time', () => {
    const names = createFeatureNames();
    const pair = names.pair('red', 'how long');
    expect(names.concept('peel')).toBe('c:peel');
    expect(pair).toBe('b:red how long');
    expect(names.pair('red', 'how long')).toBe(pair);
    expect(names.pair('how', 'long red')).toBe('b:how long red');
  });

  it('starts over past its limit and still names every feature right', () => {
    const names = createFeatureNames(10);
    const made = Array.from({ length: 50 }, (_, i) => names.pair(`w${i}`, `v${i}`));
    expect(made).toEqual(Array.from({ length: 50 }, (_, i) => `b:w${i} v${i}`));
    expect(names.concept('w3')).toBe('c:w3');
  });
});
