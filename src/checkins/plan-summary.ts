import type { Checkin } from '../knowledge/knowledge-schema';

/**
 * Friendlier words for the shipped pack's topics. Topics come from the clinic's checkins.yaml, so a Map (a topic
 * named like an Object property is not looked up among them) and any other topic reads as its own words.
 */
const TOPIC_WORDS: ReadonlyMap<string, string> = new Map([
  ['redness', 'how the redness is going'],
  ['peeling', 'pinkness and peeling'],
  ['sunscreen', 'sunscreen reminders'],
  ['final', 'a final check-in'],
]);

const topicWords = (topic: string): string => TOPIC_WORDS.get(topic) ?? topic.replace(/-/g, ' ');

/** "1", "2 and 4", "3, 7 and 10" */
export function listWords(items: readonly (string | number)[]): string {
  const words = items.map(String);
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** "how the redness is going (day 1), pinkness and peeling (days 2 and 4) and a final check-in (day 14)" */
export function describeTopics(checkins: readonly Checkin[]): string {
  const days = new Map<Checkin['topic'], number[]>();
  for (const c of checkins) days.set(c.topic, [...(days.get(c.topic) ?? []), c.day]);
  return listWords(
    [...days].map(([topic, ds]) => `${topicWords(topic)} (${ds.length === 1 ? 'day' : 'days'} ${listWords(ds)})`),
  );
}
