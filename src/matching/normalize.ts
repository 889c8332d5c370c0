import { PHRASES, SLANG, TYPOS } from './normalize-maps';

/** Longer messages are cut: the question is at the start, and it bounds the matcher's work per message. */
export const MAX_INPUT_CHARS = 500;

// Markup that carries no words of the question. Order matters: code before mentions, links before URLs.
const CODE_BLOCK = /```[\s\S]*?(```|$)/g;
const INLINE_CODE = /`[^`]*`/g;
const SLACK_LINK_WITH_LABEL = /<(?:https?:|mailto:)[^|>]*\|([^>]*)>/g;
const ANGLE_MARKUP = /<[@#!:a][^>\s]*>/g; // <@123> <@!123> <#C1|x> <!channel> <:smile:123> <a:wave:1>
const URL = /\b(?:https?:\/\/|www\.)\S+/g;
const AT_MENTION = /@[\w.-]+/g; // @everyone @here @someone
const EMOJI_SHORTCODE = /:[a-z0-9_+-]+:/g;
const APOSTROPHES = /['’‘`´]/g;
const DIACRITICS = /[\u0300-\u036f]/g;
const NON_WORD = /[^a-z0-9]+/g;
const NUMBER_WITH_UNIT = /^(\d+)([a-z]+)$/; // "24hrs", "2wks"

function mapToken(token: string): string {
  const direct = SLANG[token] ?? TYPOS[token];
  if (direct !== undefined) return direct;
  const unit = NUMBER_WITH_UNIT.exec(token);
  if (unit) return `${unit[1]} ${SLANG[unit[2]!] ?? unit[2]}`;
  return token;
}

/**
 * Lowercase words only: markup, mentions, URLs, emoji and punctuation removed, slang expanded,
 * common typos fixed, single spaces. Returns '' when nothing wordlike is left.
 */
export function normalize(text: string): string {
  let s = text.slice(0, MAX_INPUT_CHARS).toLowerCase();
  s = s
    .replace(CODE_BLOCK, ' ')
    .replace(INLINE_CODE, ' ')
    .replace(SLACK_LINK_WITH_LABEL, ' $1 ')
    .replace(ANGLE_MARKUP, ' ')
    .replace(URL, ' ')
    .replace(AT_MENTION, ' ')
    .replace(EMOJI_SHORTCODE, ' ')
    .replace(APOSTROPHES, '')
    .normalize('NFKD')
    .replace(DIACRITICS, '')
    .replace(NON_WORD, ' ');
  // Phrases first, so "micro needling" is joined before "needling" alone is expanded.
  let joined = s.replace(/\s+/g, ' ').trim();
  for (const [pattern, replacement] of PHRASES) joined = joined.replace(pattern, replacement);
  return joined
    .split(' ')
    .filter((t) => t.length > 0)
    .map(mapToken)
    .join(' ');
}
