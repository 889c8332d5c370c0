import type { Knowledge } from '../knowledge/knowledge-schema';
import type { MatchResult } from '../matching/match-result';
import type { Reply } from './reply';

/** Turns a match into the reply the bot sends. Every word of it comes from the knowledge pack. */
export function replyForMatch(knowledge: Knowledge, result: MatchResult): Reply {
  const base: Pick<Reply, 'buttons' | 'ephemeral'> = { buttons: [], ephemeral: false };
  switch (result.kind) {
    case 'escalation':
      return {
        ...base,
        kind: 'escalation',
        text: knowledge.escalation,
        faqId: null,
        confidence: result.confidence,
        sources: [],
        suggestions: [],
        disclaimer: null,
      };
    case 'answer': {
      // A message that asked several covered questions gets each answer, in one reply, every source cited.
      const answered = [result.entry, ...(result.also ?? [])];
      return {
        ...base,
        kind: 'answer',
        text: answered.map((e) => e.answer).join('\n\n'),
        faqId: result.entry.id,
        confidence: result.confidence,
        sources: [...new Set(answered.flatMap((e) => e.sources))],
        suggestions: result.suggestions.map((e) => ({ faqId: e.id, question: e.question })),
        disclaimer: knowledge.disclaimer,
      };
    }
    case 'decline':
      return {
        ...base,
        kind: 'fallback',
        text: knowledge.fallback,
        faqId: null,
        confidence: result.confidence,
        sources: [],
        suggestions: result.suggestions.map((e) => ({ faqId: e.id, question: e.question })),
        disclaimer: null,
      };
  }
}

/** The reply for one entry, as when a "did you mean" button is clicked. */
export function replyForEntry(knowledge: Knowledge, faqId: string): Reply | null {
  const entry = knowledge.entries.find((e) => e.id === faqId);
  if (!entry) return null;
  return replyForMatch(knowledge, { kind: 'answer', entry, confidence: 1, suggestions: [], normalized: '' });
}
