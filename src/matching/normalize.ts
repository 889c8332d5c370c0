import { foldText, SENTENCE_ENDS } from './fold-text';

/**
 * Folded words only (see foldText), sentence ends included as spaces: for plain keyword matching such as
 * check-in answers. The matcher itself reads sentences and applies the lexicon.
 */
export function normalize(text: string): string {
  return foldText(text)
    .replace(SENTENCE_ENDS, ' ')
    .replace(/ +/g, ' ')
    .trim();
}
