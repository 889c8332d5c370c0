import { type CompiledLexicon, escapeRegex, foldEntry } from './lexicon';

/** The concept name the lexicon gives the treatment itself. */
const TREATMENT = 'microneedling';

/**
 * Tells which sentences are about another procedure ("my new tattoo is still oozing"), named by a word from
 * safety.yaml's `otherProcedures` and not compared with ("oozing like a fresh tattoo"), in a sentence that
 * does not name the treatment itself ("not microneedling" does not count as naming it).
 */
export function otherProcedureSentences(words: readonly string[], lex: CompiledLexicon): (sentence: string) => boolean {
  const names = words.map(foldEntry).filter((w) => w.length > 0);
  if (names.length === 0) return () => false;
  const alternatives = names.map((n) => `${escapeRegex(n)}s?`).join('|');
  // "like after the dentist", "than a fresh tattoo": up to two words between the comparison and the name.
  const named = new RegExp(`(?<!\\b(like|than|as|unlike|similar to)( \\w+){0,2} )\\b(${alternatives})\\b`);
  const namesTreatment = (sentence: string): boolean => {
    const ws = lex.joinPhrases(sentence).split(' ');
    return ws.some((w, i) => lex.conceptOf(w) === TREATMENT && ws[i - 1] !== 'not' && ws[i - 1] !== 'no');
  };
  return (sentence) => named.test(sentence) && !namesTreatment(sentence);
}
