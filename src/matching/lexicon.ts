import stemWord from 'wink-porter2-stemmer';
import type { Lexicon } from '../knowledge/knowledge-schema';
import { boundedMemo } from './bounded-memo';
import { requiredLiterals } from './literal-gate';
import { compileGates } from './literal-scan';

/** How much a concept can say about a question's topic. */
export type ConceptClass = 'topic' | 'everyday' | 'context';

/** knowledge/lexicon.yaml, compiled once per knowledge pack. Every lookup is a Map: user text never reaches a plain object. */
export interface CompiledLexicon {
  /** Rewrites, concept phrases, slang and misspellings applied to a folded sentence (no punctuation). */
  expand(text: string): string;
  /** Multi-word concept phrases replaced by their concept's name ("skin needling" -> "microneedling"). */
  joinPhrases(text: string): string;
  /**
   * expand(text), and its words with phrases joined again (split(joinPhrases(expanded))): what building reads
   * of every pack text, in one pass where the second join cannot change anything.
   */
  expandToWords(text: string): ExpandedWords;
  /** The concept a word stands for: its group, else its stem. */
  conceptOf(word: string): string;
  isStopword(word: string): boolean;
  classOf(concept: string): ConceptClass;
  /** Intent concepts the question's shape carries ("how long" -> howlong). */
  intentsOf(text: string): string[];
  /** Words that are spelled right (the spelling corrector leaves them alone). */
  known: ReadonlySet<string>;
  /** Every word the lexicon itself uses. */
  words: string[];
}

/** A text as expandToWords reads it. */
export interface ExpandedWords {
  expanded: string;
  words: string[];
  /** Whether `expanded` is `words` joined by spaces (most texts): no need to join them again. */
  joined: boolean;
}

const WORD = /[a-z0-9]+/g;
const NOT_WORD_OR_SPACE = /[^a-z0-9 ]/;
export const escapeRegex = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
export const foldEntry = (s: string): string => s.toLowerCase().replace(/['’]/g, '').replace(/[^a-z0-9]+/g, ' ').trim();

/** The words without empty ones (a text's spaces at its ends or side by side): most have none, and are kept as they are. */
function withoutEmpty(words: string[]): string[] {
  for (let i = 0; i < words.length; i++) if (words[i]!.length === 0) return words.filter((w) => w.length > 0);
  return words;
}
/** A text's words, split at spaces (filtering only when there is an empty one: it costs as much as the split). */
/** A word that is only digits: no concept of its own ("day 3" is about the day). */
export const NUMBER = /^\d+$/;
export const splitWords = (text: string): string[] => withoutEmpty(text.split(' '));

/** Longer than any English word: left as it is (the stemmer's time grows faster than the word's length). */
const MAX_STEMMED_LENGTH = 40;
export const stem: (word: string) => string = boundedMemo((word) =>
  word.length <= 3 || word.length > MAX_STEMMED_LENGTH ? word : stemWord(word),
);

/** Replaces whole-word keys of a map in one linear pass (longest phrase first at each position). */
function phraseReplacer(map: ReadonlyMap<string, string>): (text: string) => string {
  if (map.size === 0) return (text) => text;
  const keys = [...map.keys()].sort((a, b) => b.length - a.length).map(escapeRegex);
  const pattern = new RegExp(`\\b(?:${keys.join('|')})\\b`, 'g');
  return (text) => text.replace(pattern, (m) => map.get(m) ?? m);
}

export function compileLexicon(lexicon: Lexicon): CompiledLexicon {
  // Each regex carries the literals it needs (literal-gate.ts): most texts skip most regexes with a substring test.
  const rewrites = lexicon.rewrites.map((r) => [new RegExp(r.pattern, 'g'), r.to] as const);
  const rewriteGates = compileGates(lexicon.rewrites.map((r) => requiredLiterals(r.pattern)));
  const tokenMap = new Map<string, string>();
  for (const [k, v] of Object.entries(lexicon.misspellings)) tokenMap.set(foldEntry(k), foldEntry(v));
  for (const [k, v] of Object.entries(lexicon.tokens)) tokenMap.set(foldEntry(k), foldEntry(v));

  const conceptOfStem = new Map<string, string>();
  const phraseToConcept = new Map<string, string>();
  for (const [concept, items] of Object.entries(lexicon.concepts)) {
    conceptOfStem.set(stem(concept), concept);
    for (const item of items) {
      const folded = foldEntry(item);
      if (folded.includes(' ')) phraseToConcept.set(folded, concept);
      else conceptOfStem.set(stem(folded), concept);
    }
  }
  const joinPhrases = phraseReplacer(phraseToConcept);
  // Joining twice gives what joining once did unless a phrase holds a concept name a join writes.
  const conceptNamesWritten = new Set(phraseToConcept.values());
  const joinIsStable = [...phraseToConcept.keys()].every((phrase) => phrase.split(' ').every((w) => !conceptNamesWritten.has(w)));
  const stopwords = new Set(lexicon.stopwords.map(foldEntry));
  const everyday = new Set(lexicon.everydayWords.map((w) => stem(foldEntry(w))));
  const context = new Set(lexicon.contextConcepts);
  const conceptNames = new Set(Object.keys(lexicon.concepts));
  const intents = lexicon.intents.map((i) => [new RegExp(i.pattern), i.concept] as const);
  const intentGates = compileGates(lexicon.intents.map((i) => requiredLiterals(i.pattern)));

  /** Slang and misspellings replaced in a list of words, in place; whether any was. */
  const replaceTokensIn = (words: string[]): boolean => {
    let changed = false;
    for (let i = 0; i < words.length; i++) {
      const to = tokenMap.get(words[i]!);
      if (to !== undefined) {
        words[i] = to;
        changed = true;
      }
    }
    return changed;
  };
  /** Slang and misspellings, word by word; a text with none is returned as it is (no copy). */
  const replaceTokens = (text: string): string => {
    if (NOT_WORD_OR_SPACE.test(text)) return text.replace(WORD, (w) => tokenMap.get(w) ?? w);
    const words = text.split(' ');
    return replaceTokensIn(words) ? words.join(' ') : text;
  };
  const conceptOf = boundedMemo((word: string): string => {
    const s = stem(word);
    return conceptOfStem.get(s) ?? s;
  });
  const words = [
    ...[...tokenMap.values()].flatMap((v) => v.split(' ')),
    ...Object.values(lexicon.concepts).flatMap((items) => items.flatMap((i) => foldEntry(i).split(' '))),
  ];
  const rewrite = (text: string): string => {
    let s = text;
    let open = rewriteGates(s).open();
    for (let i = 0; i < open.length; i++) {
      const r = open[i]!;
      const [pattern, to] = rewrites[r]!;
      const rewritten = s.replace(pattern, to);
      if (rewritten === s) continue;
      // A rewrite that changed the text changes which literals later rewrites find in it.
      s = rewritten;
      open = rewriteGates(s).open().filter((g) => g > r);
      i = -1;
    }
    return s;
  };
  return {
    // Phrases before single words: "skin needling" is the procedure before "needling" alone is expanded.
    expand: (text) => replaceTokens(joinPhrases(rewrite(text))),
    expandToWords(text) {
      const joined = joinPhrases(rewrite(text));
      if (!NOT_WORD_OR_SPACE.test(joined)) {
        const words = joined.split(' ');
        const changed = replaceTokensIn(words);
        if (!changed && joinIsStable) {
          const kept = withoutEmpty(words);
          return { expanded: joined, words: kept, joined: kept === words };
        }
        const expanded = changed ? words.join(' ') : joined;
        return { expanded, words: splitWords(joinPhrases(expanded)), joined: false };
      }
      const expanded = replaceTokens(joined);
      return { expanded, words: splitWords(joinPhrases(expanded)), joined: false };
    },
    joinPhrases,
    conceptOf,
    isStopword: (word) => stopwords.has(word),
    classOf: boundedMemo((concept): ConceptClass => {
      if (context.has(concept)) return 'context';
      if (conceptNames.has(concept)) return 'topic';
      return everyday.has(concept) ? 'everyday' : 'topic';
    }),
    intentsOf(text) {
      // A loop, not filter and map: building asks this of every pack text.
      const out: string[] = [];
      for (const i of intentGates(text).open()) if (intents[i]![0].test(text)) out.push(intents[i]![1]);
      return out;
    },
    known: new Set([...stopwords, ...lexicon.everydayWords.map(foldEntry), ...lexicon.commonWords.map(foldEntry)]),
    words,
  };
}
