/** Discord refuses message content over 2,000 characters (400 / 50035). */
export const DISCORD_MESSAGE_LIMIT = 2000;

/**
 * Splits text into chunks of at most `limit` characters, cutting at the last paragraph break, else line
 * break, else sentence end, else space in the back half of the window, so no chunk ends mid-word
 * unless a single "word" is longer than the limit.
 */
export function splitMessage(text: string, limit = DISCORD_MESSAGE_LIMIT): string[] {
  const chunks: string[] = [];
  let rest = text.trim();
  while (rest.length > limit) {
    const cut = findCut(rest, limit);
    const chunk = rest.slice(0, cut).trimEnd();
    if (chunk) chunks.push(chunk);
    rest = rest.slice(cut).trimStart();
  }
  if (rest) chunks.push(rest);
  return chunks;
}

function findCut(text: string, limit: number): number {
  // One character past the limit: a boundary right at the limit still counts.
  const window = text.slice(0, limit + 1);
  // Prefer natural boundaries, but not so early that chunks come out tiny.
  const floor = Math.floor(limit / 2);

  const paragraph = window.lastIndexOf('\n\n');
  if (paragraph >= floor) return paragraph;
  const line = window.lastIndexOf('\n');
  if (line >= floor) return line;

  let sentenceEnd = -1;
  for (const match of window.matchAll(/[.!?…]["'”’)\]]*(?=\s)/g)) {
    const end = (match.index ?? 0) + match[0].length;
    if (end <= limit) sentenceEnd = end;
  }
  if (sentenceEnd >= floor) return sentenceEnd;

  const space = Math.max(window.lastIndexOf(' '), window.lastIndexOf('\t'));
  if (space > 0) return space;

  // No boundary at all: cut hard, but never between the two halves of a surrogate pair.
  const code = text.charCodeAt(limit - 1);
  return code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit;
}
