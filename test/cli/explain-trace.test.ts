import { formatTrace } from '../../src/cli/explain-trace';
import { realMatcher } from '../matching/matcher-helpers';

describe('the --explain trace', () => {
  it('shows the asking clause, its concepts, the candidates and the result', () => {
    const lines = formatTrace(realMatcher().matcher.explain('My session was Monday. How long does peeling last?'));
    expect(lines).toContain('clause (asks): "how long does peeling last"');
    expect(lines.some((l) => l.startsWith('  entry peeling-and-shedding:'))).toBe(true);
    expect(lines.at(-1)).toMatch(/^result: answer peeling-and-shedding/);
  });

  it('names the red-flag rule and the out-of-scope term that decided', () => {
    expect(formatTrace(realMatcher().matcher.explain('there is pus on my cheek'))).toContain('result: escalation (pus-or-oozing)');
    const declined = formatTrace(realMatcher().matcher.explain('does botox hurt'));
    expect(declined.some((l) => l.includes('other-procedures ("botox")'))).toBe(true);
    expect(declined.at(-1)).toMatch(/^result: decline: out-of-scope \(other-procedures\)/);
  });
});
