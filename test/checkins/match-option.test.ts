import { looksLikeQuestion, matchOption } from '../../src/checkins/match-option';
import { loadKnowledge } from '../../src/knowledge/load-knowledge';
import { KNOWLEDGE_DIR } from '../support/test-core';

const { checkins } = loadKnowledge(KNOWLEDGE_DIR);
const first = (topic: string) => checkins.find((c) => c.topic === topic && c.options.length > 1)!;

function picked(checkinTopic: string, text: string): string | null {
  const m = matchOption(first(checkinTopic), text);
  return m.kind === 'option' ? m.option.id : m.kind;
}

describe('matching a typed answer to a check-in option', () => {
  it('picks options by their keywords and labels', () => {
    const redness = first('redness');
    const byEscalation = redness.options.find((o) => o.escalate)!;
    const calm = redness.options.filter((o) => !o.escalate);
    expect(picked('redness', byEscalation.label)).toBe(byEscalation.id);
    expect(picked('redness', 'it is getting WORSE!')).toBe(byEscalation.id);
    for (const option of calm) expect(picked('redness', option.label)).toBe(option.id);
    expect(picked('redness', 'still red')).toBe(redness.options.find((o) => o.keywords.includes('still'))!.id);
    expect(picked('peeling', 'peeling a lot')).toBe(first('peeling').options.find((o) => o.keywords.includes('peeling'))!.id);
  });

  it('lets an escalating option win a tie, and finds nothing in unrelated words', () => {
    const redness = first('redness');
    const calmWord = redness.options.find((o) => !o.escalate && o.keywords.length > 0)!.keywords[0]!;
    const worseWord = redness.options.find((o) => o.escalate)!.keywords[0]!;
    expect(picked('redness', `${calmWord} but ${worseWord}`)).toBe(redness.options.find((o) => o.escalate)!.id);
    expect(picked('redness', 'banana')).toBe('none');
    expect(picked('redness', '   ')).toBe('none');
  });

  it('tells questions from answers', () => {
    expect(looksLikeQuestion('is peeling normal?')).toBe(true);
    expect(looksLikeQuestion('is peeling normal')).toBe(true);
    expect(looksLikeQuestion('how long will I stay red')).toBe(true);
    expect(looksLikeQuestion('still red')).toBe(false);
    expect(looksLikeQuestion('peeling')).toBe(false);
    expect(looksLikeQuestion('worse')).toBe(false);
  });
});
