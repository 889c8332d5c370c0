import { type CompiledLexicon, escapeRegex, foldEntry } from './lexicon';

/** The concept name the lexicon gives the treatment itself. */
export const TREATMENT = 'microneedling';

/**
 * Tells which sentences of a message are about another procedure ("my new tattoo is still oozing"): one that
 * names a procedure from safety.yaml's `otherProcedures`, not as a comparison ("oozing like a fresh tattoo"),
 * and does not name the treatment itself ("not microneedling" does not count as naming it). In a message that
 * never names the treatment, the sentences after such a sentence go on about that procedure ("I got lip filler.
 * It's been 5 days and the bruise is going green").
 */
export interface OtherProcedureSentences {
  /** Per sentence: about another procedure. */
  flags: boolean[];
  /** Whether any sentence names the treatment itself. */
  namesTreatment: boolean;
}

export function otherProcedureSentences(words: readonly string[], lex: CompiledLexicon): (sentences: readonly string[]) => OtherProcedureSentences {
  const names = words.map(foldEntry).filter((w) => w.length > 0);
  if (names.length === 0) return (sentences) => ({ flags: sentences.map(() => false), namesTreatment: true });
  const alternatives = names.map((n) => `${escapeRegex(n)}s?`).join('|');
  // "like after the dentist", "compared to, say, threading or a tattoo": up to six words between the comparison and the name.
  // The same names with no look-behind: one pass over the whole message rules most messages out (a
  // look-behind is tried at every position of the text).
  const anyName = new RegExp(`\\b(?:${alternatives})\\b`);
  // "as" compares only close to the name ("as bad as after a tattoo"), not in "as a teenager after a tooth".
  const named = new RegExp(`(?<!\\b(like|than|unlike|similar to|compared to|compared with|versus|vs)( \\w+){0,6} )(?<!\\bas( \\w+){0,2} )\\b(${alternatives})\\b`);
  const namesTreatment = (sentence: string): boolean => {
    const ws = lex.joinPhrases(sentence).split(' ');
    return ws.some((w, i) => lex.conceptOf(w) === TREATMENT && ws[i - 1] !== 'not' && ws[i - 1] !== 'no');
  };
  return (sentences) => {
    // Most messages name no other procedure: then nothing else needs reading.
    if (!anyName.test(sentences.join('\n'))) return { flags: sentences.map(() => false), namesTreatment: true };
    const naming = sentences.map((sentence) => named.test(sentence));
    if (!naming.includes(true)) return { flags: naming, namesTreatment: true };
    const treatmentNamed = sentences.map(namesTreatment);
    const anyTreatment = treatmentNamed.some((t) => t);
    let other = false;
    const flags = sentences.map((_, i) => {
      if (naming[i] && !treatmentNamed[i]) other = true;
      else if (!anyTreatment && other) return true;
      else other = false;
      return other;
    });
    return { flags, namesTreatment: anyTreatment };
  };
}
