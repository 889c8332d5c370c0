/**
 * Slack text in and out. Outgoing text is escaped so that nothing we send (a user's words quoted back,
 * or knowledge text) can form a <!channel> ping, a <@U…> mention or a <link>. Incoming text arrives
 * in Slack's wire form and is turned into the plain words the core reads.
 */

/** The three characters Slack's mrkdwn reserves, as Slack documents them. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** How long a string becomes once escaped (for splitting text at Slack's length limits). */
export function escapedLength(text: string): number {
  let length = 0;
  for (const ch of text) length += ch === '&' ? 5 : ch === '<' || ch === '>' ? 4 : ch.length;
  return length;
}

/**
 * Splits text into pieces whose escaped form fits `max` characters, preferring to cut at whitespace,
 * and returns the pieces escaped (escaping after cutting never splits an entity).
 */
export function splitEscaped(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > 0) {
    let cost = 0;
    let end = 0;
    let lastBreak = -1;
    while (end < rest.length) {
      const ch = rest[end]!;
      const c = escapedLength(ch);
      if (cost + c > max) break;
      cost += c;
      if (/\s/.test(ch)) lastBreak = end;
      end += 1;
    }
    const cut = end < rest.length && lastBreak > 0 ? lastBreak + 1 : Math.max(end, 1);
    const piece = rest.slice(0, cut).trim();
    if (piece) pieces.push(escapeMrkdwn(piece));
    rest = rest.slice(cut);
  }
  return pieces;
}

/** Cuts text to `max` characters, marking the cut with an ellipsis. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/**
 * Slack's wire text to plain words: drops mentions of the bot, turns <@U1|name>, <#C1|name>,
 * <!here> and <url|label> into readable words, and decodes &lt; &gt; &amp;.
 */
export function slackTextToPlain(text: string, botUserId?: string): string {
  const withoutBot = botUserId ? text.replace(new RegExp(`<@${escapeRegExp(botUserId)}(\\|[^>]*)?>`, 'g'), ' ') : text;
  const readable = withoutBot.replace(/<([^<>]*)>/g, (_match, inner: string) => readableToken(inner));
  return decodeEntities(readable).replace(/\s+/g, ' ').trim();
}

function readableToken(inner: string): string {
  const [target = '', label] = splitOnce(inner, '|');
  if (target.startsWith('@')) return label ? `@${label.replace(/^@/, '')}` : target;
  if (target.startsWith('#')) return label ? `#${label}` : target;
  if (target.startsWith('!subteam^')) return label ?? '@group';
  if (target.startsWith('!')) return label ?? `@${target.slice(1)}`;
  return label ?? target.replace(/^mailto:/, '');
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const i = text.indexOf(separator);
  return i === -1 ? [text, undefined] : [text.slice(0, i), text.slice(i + 1)];
}

function decodeEntities(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
