import { type CompiledLexicon, escapeRegex } from './lexicon';
import { TREATMENT } from './other-procedures';

/** The lexicon's `disclaimers`: phrases that say the treatment is not involved, and the concepts and words they may deny. */
export interface Disclaimers {
  openers: string[];
  concepts: string[];
  words: string[];
}

/** Stopwords that may stand between a disclaimer and what it denies ("not from any treatment"). */
const MAX_BETWEEN = 2;

/**
 * Whether a message says the treatment is not involved ("sunburnt at the beach, no needling or anything", "not
 * from any treatment") and never names the treatment otherwise: then it is about another cause. "No treatment
 * yet" is someone who has not had it so far, not a denial.
 */
export function disclaimsTreatment(disclaimers: Disclaimers, lex: CompiledLexicon): (sentences: readonly string[]) => boolean {
  const openers = disclaimers.openers.map((o) => o.toLowerCase().split(' '));
  const concepts = new Set(disclaimers.concepts);
  const named = new Set(disclaimers.words.map((w) => w.toLowerCase()));
  if (openers.length === 0 || concepts.size + named.size === 0) return () => false;
  const denies = (word: string): boolean => named.has(word) || concepts.has(lex.conceptOf(word));
  // Run on every message: one search for any opener rules most out before any sentence's words are read.
  const anyOpener = new RegExp(`\\b(?:${openers.map((o) => escapeRegex(o.join(' '))).join('|')})\\b`);
  return (sentences) => {
    if (!sentences.some((s) => anyOpener.test(s))) return false;
    let disclaimed = false;
    for (const sentence of sentences) {
      const words = lex.joinPhrases(sentence).split(' ');
      // Where each disclaimer's object is: those words do not name the treatment.
      const objects = new Set<number>();
      for (let i = 0; i < words.length; i++) {
        const opener = openers.find((o) => o.every((w, k) => words[i + k] === w));
        if (!opener) continue;
        let at = i + opener.length;
        while (at < i + opener.length + MAX_BETWEEN && at < words.length && lex.isStopword(words[at]!) && !denies(words[at]!)) at++;
        if (at < words.length && denies(words[at]!) && words[at + 1] !== 'yet') objects.add(at);
      }
      if (objects.size > 0) disclaimed = true;
      if (words.some((w, k) => !objects.has(k) && lex.conceptOf(w) === TREATMENT)) return false;
    }
    return disclaimed;
  };
}
