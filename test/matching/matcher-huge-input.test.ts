import { realMatcher } from './matcher-helpers';

// Latency goals live in `npm run bench`; this checks only that huge input is handled, not how fast.
describe('matcher: huge input', () => {
  it('answers from the start of a huge message instead of failing', () => {
    const { matcher } = realMatcher();
    const result = matcher.match(`is peeling normal after microneedling ${'word '.repeat(50_000)}`);
    expect(result.kind).toBe('answer');
    if (result.kind === 'answer') expect(result.entry.answer).toMatch(/peel|shed/i);
  });

  it('declines a huge run of one character', () => {
    expect(realMatcher().matcher.match('x'.repeat(100_000)).kind).toBe('decline');
  });
});
