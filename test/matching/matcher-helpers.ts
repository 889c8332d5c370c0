import path from 'node:path';
import { replyForMatch } from '../../src/conversation/reply-for-match';
import type { Reply } from '../../src/conversation/reply';
import type { Knowledge } from '../../src/knowledge/knowledge-schema';
import { loadKnowledge } from '../../src/knowledge/load-knowledge';
import { createMatcher, type ExplainingMatcher } from '../../src/matching/create-matcher';

export const KNOWLEDGE_DIR = path.join(__dirname, '..', '..', 'knowledge');

let cached: { knowledge: Knowledge; matcher: ExplainingMatcher } | undefined;

/** The real pack and a matcher over it, built once per test file. */
export function realMatcher(): { knowledge: Knowledge; matcher: ExplainingMatcher } {
  if (!cached) {
    const knowledge = loadKnowledge(KNOWLEDGE_DIR);
    cached = { knowledge, matcher: createMatcher(knowledge) };
  }
  return cached;
}

/** What the user would see for a question. */
export function replyTo(question: string): Reply {
  const { knowledge, matcher } = realMatcher();
  return replyForMatch(knowledge, matcher.match(question));
}
