import { createHash } from 'node:crypto';
import type { FaqEntry, Knowledge } from '../knowledge/knowledge-schema';
import { infoReply, type Reply } from '../conversation/reply';

/** The message a pin shows: the entry's answer with its sources and the disclaimer, no buttons. */
export function pinnedAnswer(knowledge: Knowledge, entry: FaqEntry): Reply {
  return {
    kind: 'answer',
    text: `${entry.question}\n${entry.answer}`,
    faqId: entry.id,
    confidence: 1,
    sources: [...entry.sources],
    suggestions: [],
    buttons: [],
    disclaimer: knowledge.disclaimer,
    ephemeral: false,
  };
}

/** What a pin shows, hashed: a pin is edited only when this changes. */
export function pinnedAnswerHash(reply: Reply): string {
  return createHash('sha256')
    .update(JSON.stringify([reply.text, reply.sources, reply.disclaimer]))
    .digest('hex')
    .slice(0, 16);
}

/** What a pin whose entry was removed from the pack is edited to say before it is unpinned. */
export function removedAnswer(faqId: string): Reply {
  return infoReply(`This pinned answer (${faqId}) was removed from the aftercare guide and is no longer current.`);
}
