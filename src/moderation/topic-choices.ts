import type { CoreDeps } from '../conversation/core-deps';
import type { Platform } from '../conversation/incoming-message';
import { closestTopics, type TopicWords } from './closest-topics';

/** Which topics a moderator is choosing from: every FAQ entry (pin), or the entries pinned in the channel (unpin). */
export type TopicScope = 'entries' | 'pinned';

/** A half-typed topic, as an adapter's autocomplete sees it. Platform-free. */
export interface TopicChoiceRequest {
  platform: Platform;
  channelId: string;
  /** What was typed so far ("" when nothing). */
  typed: string;
  scope: TopicScope;
  /** The adapter's view; non-moderators get no choices (the commands are theirs alone). */
  isModerator: boolean;
  /** At most this many (Discord shows 25). */
  limit?: number;
}

export interface TopicChoice {
  /** The entry id: what the command takes. */
  id: string;
  /** The entry's question (or a note when a pinned entry left the guide). */
  question: string;
}

const DEFAULT_LIMIT = 25;

const choiceOf = (topic: TopicWords): TopicChoice => ({ id: topic.id, question: topic.question });

/**
 * FAQ topics matching what a moderator typed, best first: an exact id, ids starting with it, entries whose id,
 * question or tags contain every typed word; when nothing contains it (a typo), the closest by fuzzy match.
 * Nothing typed lists them in pack order.
 */
export async function topicChoices(deps: Pick<CoreDeps, 'knowledge' | 'store'>, request: TopicChoiceRequest): Promise<TopicChoice[]> {
  if (!request.isModerator) return [];
  const limit = Math.max(0, request.limit ?? DEFAULT_LIMIT);
  const entries = deps.knowledge.knowledge.entries;
  let searchable: TopicWords[];
  if (request.scope === 'pinned') {
    const byId = new Map(entries.map((e) => [e.id, e]));
    const pinned = await deps.store.pins.inChannel(request.platform, request.channelId);
    searchable = pinned.map((pin) => {
      const entry = byId.get(pin.faqId);
      return { id: pin.faqId, question: entry?.question ?? '(no longer in the guide)', tags: entry?.tags ?? [], alternates: [] };
    });
  } else {
    searchable = entries;
  }

  const typed = request.typed.trim().toLowerCase().replace(/\s+/g, ' ');
  if (typed === '') return searchable.slice(0, limit).map(choiceOf);

  const words = typed.split(' ');
  const ranked = searchable
    .map((s, index) => {
      const id = s.id;
      const haystack = [id, s.question, ...s.tags].join(' ').toLowerCase();
      let rank: number;
      if (id === typed) rank = 0;
      else if (id.startsWith(typed)) rank = 1;
      else if (words.every((w) => haystack.includes(w))) rank = 2;
      else return null;
      return { topic: s, rank, index };
    })
    .filter((r): r is { topic: TopicWords; rank: number; index: number } => r !== null)
    .sort((a, b) => a.rank - b.rank || a.index - b.index);
  if (ranked.length > 0) return ranked.slice(0, limit).map((r) => choiceOf(r.topic));

  // A typo ("sunscren"): the fuzzy matches, as the pin command's "closest" would offer them.
  return closestTopics(searchable, typed, { limit, threshold: 0.4 }).map(choiceOf);
}
