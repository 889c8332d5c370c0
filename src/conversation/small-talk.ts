import type { SmallTalk } from '../knowledge/knowledge-schema';

/** Small talk is a few words; anything longer is a question or a story, whatever words it starts with. */
export const SMALL_TALK_MAX_LENGTH = 80;

/**
 * The form small-talk patterns are written against: lowercase, apostrophes dropped ("what's" → "whats"),
 * other punctuation, symbols and emoji as spaces, single spaces.
 */
export function smallTalkForm(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/['’‘`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

// Compiled once per pack: a reload brings a new array, so the cache follows it.
const compiled = new WeakMap<readonly SmallTalk[], Array<{ kind: SmallTalk; patterns: RegExp[] }>>();

function compile(kinds: readonly SmallTalk[]) {
  let found = compiled.get(kinds);
  if (!found) {
    found = kinds.map((kind) => ({ kind, patterns: kind.patterns.map((p) => new RegExp(`^(?:${p})$`, 'iu')) }));
    compiled.set(kinds, found);
  }
  return found;
}

/** The first kind of small talk the whole message is, or null. Pure. */
export function findSmallTalk(kinds: readonly SmallTalk[], text: string): SmallTalk | null {
  if (kinds.length === 0 || text.length > SMALL_TALK_MAX_LENGTH) return null;
  const form = smallTalkForm(text);
  if (form === '') return null;
  return compile(kinds).find((k) => k.patterns.some((p) => p.test(form)))?.kind ?? null;
}
