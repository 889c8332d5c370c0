import { createFeatureIds } from '../../src/matching/feature-ids';

describe('feature numbers of the phrasing classifier', () => {
  it('gives a concept and a pair of concepts one number each, the same every time, pairs in order', () => {
    const ids = createFeatureIds();
    const red = ids.concept('red');
    const howlong = ids.concept('howlong');
    const pair = ids.pair(red, howlong);
    expect(new Set([red, howlong, pair]).size).toBe(3);
    expect(ids.concept('red')).toBe(red);
    expect(ids.pair(red, howlong)).toBe(pair);
    expect(ids.pair(howlong, red)).not.toBe(pair);
    expect(ids.size).toBe(4);
  });

  it('once frozen, answers -1 for what it never saw and stops growing', () => {
    const ids = createFeatureIds();
    const red = ids.concept('red');
    const peel = ids.concept('peel');
    const pair = ids.pair(red, peel);
    ids.freeze();
    const before = ids.size;
    expect(ids.concept('zzzmadeup')).toBe(-1);
    expect(ids.pair(peel, red)).toBe(-1);
    expect(ids.pair(-1, red)).toBe(-1);
    expect(ids.concept('red')).toBe(red);
    expect(ids.pair(red, peel)).toBe(pair);
    for (let i = 0; i < 1000; i++) ids.concept(`made-up-${i}`);
    expect(ids.size).toBe(before);
  });
});
