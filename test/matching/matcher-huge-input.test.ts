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

  it('answers a question asked at the end of a long post, after thirty sentences of story', () => {
    const story = ['We drove to the coast on Saturday.', 'My brother brought his new dog.', 'It rained most of the afternoon.', 'We ate fish and chips in the car.', 'The traffic home was awful.'];
    const post = `${Array.from({ length: 30 }, (_, i) => story[i % story.length]).join(' ')} Anyway, I had microneedling on Friday: how long does the redness last?`;
    const result = realMatcher().matcher.match(post);
    expect(result.kind).toBe('answer');
    if (result.kind === 'answer') expect(result.entry.answer).toMatch(/24 hours/);
  });
});
