import { CONCEPT_GROUPS, INTENT_MARKERS, SENSE_REWRITES } from './concepts';
import { STOPWORDS } from './word-lists';

/**
 * A light suffix stripper: enough to make "peeling", "peeled" and "peels" one term, without a
 * dictionary. Deliberately conservative (short words are left alone).
 */
export function stem(word: string): string {
  let w = word;
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) return w.slice(0, -3) + 'y';
  if (w.endsWith('ness') && w.length > 6) w = w.slice(0, -4);
  else if (w.endsWith('ing') && w.length > 5) w = undouble(w.slice(0, -3));
  else if (w.endsWith('ied') && w.length > 4) return w.slice(0, -3) + 'y';
  else if (w.endsWith('ed') && w.length > 4) w = undouble(w.slice(0, -2));
  else if (w.endsWith('ly') && w.length > 5) w = w.slice(0, -2);
  else if (/(ss|x|ch|sh)es$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);
  if (w.endsWith('e') && w.length > 4) w = w.slice(0, -1);
  return w;
}

// "swelling" -> "swell" (kept), "running" -> "run": only undouble consonants that are not l/s/z.
function undouble(w: string): string {
  const last = w.at(-1);
  if (w.length > 3 && last === w.at(-2) && last !== undefined && !'aeiouylsz'.includes(last)) return w.slice(0, -1);
  return w;
}

const NUMBER = /^\d+$/;

/** stem -> concept, built once from CONCEPT_GROUPS. */
const CONCEPT_OF_STEM: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  for (const [concept, words] of Object.entries(CONCEPT_GROUPS)) {
    for (const w of words) map.set(stem(w), concept);
  }
  return map;
})();

/** The concept a content word stands for: its synonym group, else its stem. */
export function conceptOf(word: string): string {
  const s = stem(word);
  return CONCEPT_OF_STEM.get(s) ?? s;
}

/** Distinct concepts of a normalised text: its content words' concepts, then its intent markers. */
export function concepts(normalized: string): string[] {
  const out = new Set<string>();
  let text = normalized;
  for (const [pattern, replacement] of SENSE_REWRITES) text = text.replace(pattern, replacement);
  for (const word of text.split(' ')) {
    // Bare numbers ("day 3") are left out: they rarely tell topics apart.
    if (word.length === 0 || STOPWORDS.has(word) || NUMBER.test(word)) continue;
    out.add(conceptOf(word));
  }
  for (const [pattern, concept] of INTENT_MARKERS) if (pattern.test(text)) out.add(concept);
  return [...out];
}

/**
 * Plural-only folding, for out-of-scope terms: "chemical peels" still hits "chemical peel", while
 * "scared" stays clear of "scar" (full stemming would merge them). Terms list their -ing forms.
 */
export function singular(word: string): string {
  if (word.length <= 3) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(ss|x|ch|sh)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}
