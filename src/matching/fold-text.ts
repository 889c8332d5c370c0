import { transliterate } from 'transliteration';
import unhomoglyph from 'unhomoglyph';

// Characters that change nothing a reader sees: soft hyphen, zero-width spaces and joiners, direction marks,
// word joiner, byte-order mark. Left in, they split a word in two ("pu\u00ADs").
const INVISIBLE = /\p{Default_Ignorable_Code_Point}/gu;
const NON_ASCII = /[^\p{ASCII}]/gu;
// The same test as /[^\p{ASCII}]/u (a character past ASCII has a code unit past 0x7f), without the Unicode mode's cost.
const NON_ASCII_TEST = /[\u0080-\uffff]/;
// An emoji usually closes what was said before it ("first time on fri 👀 what am i in for").
const EMOJI = /\p{Extended_Pictographic}+/gu;
const ASCII_LETTERS = /^[a-z]+$/i;
const DIACRITICS = /[\u0300-\u036f]/g;
// Letters with no decomposition ("ł", "đ", "ß") and other scripts: spelled in Latin letters so words
// written in another language ("łuszczy", "đỏ") keep their letters for the lexicon.
const NON_ASCII_RUN = /[^\p{ASCII}]+/gu;
// Markup that carries no words of the message. Code marks go but code text stays: a warning sign written
// inside `code` is still a warning sign.
const SLACK_LINK_WITH_LABEL = /<(?:https?:|mailto:)[^|>\s]*\|([^>]*)>/g;
const ANGLE_MARKUP = /<[@#!:a][^>\s]*>/g; // <@123> <#C1|x> <!channel> <:smile:123>
const URL = /\b(?:https?:\/\/|www\.)\S+/g;
const AT_MENTION = /@[\w.-]+/g;
const EMOJI_SHORTCODE = /:[a-z0-9_+-]+:/g;
const APOSTROPHES = /['’‘´ʼ]/g;
/**
 * Sentence ends survive folding (clauses are split on them); every other run of non-word characters is one
 * space. A lone space is already that: matching only other runs leaves most texts as they are (no copy).
 */
const NOT_KEPT = / ?[^a-z0-9.?!;:\n ][^a-z0-9.?!;:\n]*| {2,}[^a-z0-9.?!;:\n]*/g;
const DOTS = /\.(?=[a-z0-9])/g; // "1.5mm", "e.g" stay one sentence
// "asking for my mum: how long will she be red?": a colon before a space ends a lead-in, kept as a sentence end;
// any other colon ("10:30", ":)") is a space.
const NOT_LEAD_IN_COLON = /:(?! |\n|$)/g;

/** Look-alike letters from other alphabets ("раin" with Cyrillic а) read as the Latin letters they imitate. */
function latinLookAlike(ch: string): string {
  const mapped = unhomoglyph(ch);
  return ASCII_LETTERS.test(mapped) ? mapped : ch;
}

/**
 * Whether the text is letters and digits, "?", "!" and ";", with single spaces between (most pack texts): folding
 * then only lowercases it, and one look at each character costs less than the passes that would change nothing.
 */
function onlyWordsAndEnds(text: string): boolean {
  let space = true; // at the start, a space would be trimmed
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32) {
      if (space) return false;
      space = true;
      continue;
    }
    space = false;
    const lower = c | 32; // an ASCII capital's lowercase code
    const letter = lower >= 97 && lower <= 122;
    if (!letter && !(c >= 48 && c <= 57) && c !== 63 && c !== 33 && c !== 59) return false;
  }
  return !space;
}

/**
 * The one text every check reads: Unicode NFKC, invisible characters removed, look-alike letters mapped,
 * accents dropped, markup and code marks stripped, lowercase, apostrophes removed ("can't" -> "cant"),
 * sentence ends kept, everything else a space. Linear in the length of the text; nothing is cut.
 */
export function foldText(text: string): string {
  if (onlyWordsAndEnds(text)) return text.toLowerCase();
  // Plain ASCII (most messages, every pack text) has nothing to normalise, no invisible characters, emoji,
  // look-alikes or accents: those six passes would leave it as it is.
  const ascii = !NON_ASCII_TEST.test(text);
  const unicode = !ascii
    ? text
        .normalize('NFKC')
        .replace(INVISIBLE, '')
        .replace(EMOJI, '. ')
        .replace(NON_ASCII, latinLookAlike)
        .normalize('NFKD')
        .replace(DIACRITICS, '')
        .replace(NON_ASCII_RUN, (run) => transliterate(run))
    : text;
  // Each markup pass needs a character most texts lack ("<", "@", ":"): checking for it is cheaper than the pass.
  let out = unicode;
  if (out.includes('<')) out = out.replace(SLACK_LINK_WITH_LABEL, ' $1 ').replace(ANGLE_MARKUP, ' ');
  // URL matches only a lowercase "http" or "www." (as written), so only those need looking for.
  if (out.includes('http') || out.includes('www.')) out = out.replace(URL, ' ');
  if (out.includes('@')) out = out.replace(AT_MENTION, ' ');
  out = out.toLowerCase();
  if (out.includes(':')) out = out.replace(EMOJI_SHORTCODE, ' ').replace(NOT_LEAD_IN_COLON, ' ');
  // In ASCII the only apostrophe is "'"; most pack texts have none, nor a dot inside them.
  if (!ascii || out.includes("'")) out = out.replace(APOSTROPHES, '');
  if (out.includes('.')) out = out.replace(DOTS, ' ');
  return out.replace(NOT_KEPT, ' ').trim();
}

/**
 * A folded text's sentences (split at . ? ! ; : and line breaks), each with whether it ended in "?", and whether
 * it is a lead-in, ended by a colon with more after it ("two questions: ..."), which announces what follows.
 */
export interface Sentence {
  text: string;
  asked: boolean;
  leadIn: boolean;
}

const SENTENCE_END = /[.?!;:\n]/;
const ENDS_AND_SPACES = /^[.?!;:\n ]*$/;
/** The sentence ends, lead-in colons among them, as foldText keeps them. */
export const SENTENCE_ENDS = /[.?!;:\n]/g;

export function sentencesOf(folded: string): Sentence[] {
  // Most texts (every one-sentence pack phrasing) end at most once, at their end: no scan of sentences needed.
  const end = folded.search(SENTENCE_END);
  if (end < 0 || ENDS_AND_SPACES.test(folded.slice(end))) {
    const text = end < 0 ? folded.trim() : folded.slice(0, end).trim();
    return text.length > 0 ? [{ text, asked: end >= 0 && folded.includes('?', end), leadIn: false }] : [];
  }
  const out: Sentence[] = [];
  // A run of ends with spaces between ("👀 ?" folds to ". ?") is one end: asked if any of it is "?".
  for (const m of folded.matchAll(/[^.?!;:\n]+([.?!;:\n][.?!;:\n ]*)?/g)) {
    const text = m[0].replace(SENTENCE_ENDS, ' ').trim();
    const end = m[1] ?? '';
    const asked = end.includes('?');
    if (text.length > 0) out.push({ text, asked, leadIn: !asked && end.includes(':') && m.index + m[0].length < folded.length });
  }
  return out;
}
