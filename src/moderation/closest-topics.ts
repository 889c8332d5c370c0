import Fuse from 'fuse.js';

/** The words a topic is known by, which a moderator's typing is compared with. */
export interface TopicWords {
  id: string;
  question: string;
  tags: readonly string[];
  alternates: readonly string[];
}

/**
 * The topics closest to what a moderator typed, best first, by fuzzy match (a typo such as "sunscren"): the id
 * weighs most, then the question and tags, then the other phrasings. "faq pin"'s suggestions and autocomplete
 * both use it, so they offer the same topics. Fuse's `threshold` (0 exact … 1 anything) defaults to its own 0.6.
 */
export function closestTopics<T extends TopicWords>(topics: readonly T[], typed: string, options: { limit: number; threshold?: number }): T[] {
  const fuse = new Fuse(topics, {
    keys: [
      { name: 'id', weight: 3 },
      { name: 'question', weight: 2 },
      { name: 'tags', weight: 2 },
      { name: 'alternates', weight: 1 },
    ],
    ignoreLocation: true,
    ...(options.threshold !== undefined ? { threshold: options.threshold } : {}),
  });
  // Long input only slows Fuse down: no topic is longer than this.
  return fuse
    .search(typed.slice(0, 100))
    .slice(0, options.limit)
    .map((r) => r.item);
}
