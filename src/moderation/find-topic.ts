import type { FaqEntry, Knowledge } from '../knowledge/knowledge-schema';
import { closestTopics } from './closest-topics';

/** A moderator's topic: an entry id, its exact question or a tag only it has; otherwise the closest entries to offer. */
export function findTopic(knowledge: Knowledge, topic: string): { entry: FaqEntry } | { closest: FaqEntry[] } {
  const wanted = topic.trim().toLowerCase();
  const exact = knowledge.entries.find((e) => e.id === wanted || e.question.toLowerCase() === wanted);
  if (exact) return { entry: exact };
  const tagged = knowledge.entries.filter((e) => e.tags.some((t) => t.toLowerCase() === wanted));
  if (tagged.length === 1 && tagged[0]) return { entry: tagged[0] };
  const closest = closestTopics(knowledge.entries, wanted, { limit: 3 });
  return { closest };
}

export function describeClosest(topic: string, closest: FaqEntry[]): string {
  if (closest.length === 0) return `No FAQ entry is called "${topic}". Type "topics" to see every entry id.`;
  return [`No FAQ entry is called "${topic}". Closest:`, ...closest.map((e) => `• ${e.id} — ${e.question}`)].join('\n');
}
