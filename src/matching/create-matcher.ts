import type { FaqEntry, Knowledge, OutOfScopeTopic, RedFlagRule } from '../knowledge/knowledge-schema';
import { type ClassDoc, createConceptIndexSteps, type Scored } from './concept-index';
import { disclaimsTreatment } from './disclaimed-treatment';
import { foldText, SENTENCE_ENDS, sentencesOf } from './fold-text';
import { otherProcedureSentences, TREATMENT } from './other-procedures';
import { compileLexicon, NUMBER, splitWords } from './lexicon';
import type { Matcher, MatchResult } from './match-result';
import { type BuildSteps, countSteps, eachStep, nested, runInSlices, runToEnd } from './build-steps';
import { boundedMemo } from './bounded-memo';
import { compileGates } from './literal-scan';
import { createPackTextTable } from './pack-text-table';
import { createPhrasingTrainer, type PhrasingClassifier, type Prediction } from './phrasing-classifier';
import { createPhrasingFeatures } from './phrasing-features';
import { compileRedFlags, type RedFlagHit } from './red-flags';
import { createSpellingCorrector, editDistance } from './spelling-corrector';
import { compileTermHits, singular, type TermHit } from './topic-terms';

export interface MatcherOptions {
  /** Least evidence an answer needs (a sum of concept weights; one central concept is about 1.5). */
  minEvidence?: number;
  /** Other entries within this share of the best one's score are offered as "did you mean". */
  suggestionShare?: number;
  maxSuggestions?: number;
  /** Most entries one reply answers (a message asking several covered questions). */
  maxAnswers?: number;
  /**
   * An entry's own question and alternates, word for word, reach it directly (default). knowledge:check turns
   * this off to see where they would land by their words alone, which is how similar questions land.
   */
  ownPhrasings?: boolean;
}

const DEFAULTS: Required<MatcherOptions> = {
  minEvidence: 1.1,
  suggestionShare: 0.8,
  maxSuggestions: 3,
  maxAnswers: 3,
  ownPhrasings: true,
};

/** How much a sentence that asks nothing (backstory) counts beside one that asks. */
const BACKSTORY_WEIGHT = 0.35;
/** How much everyday and context concepts ("day", "face", "microneedling") count beside topic concepts. */
const EVERYDAY_WEIGHT = 0.3;
/** An out-of-scope term in a sentence that asks is strong evidence for its topic. */
const TERM_EVIDENCE = 2.2;
/** How much an out-of-scope term counts in the backstory, beside one in the asking clause. */
const BACKSTORY_TERM_SHARE = 0.35;
/** An out-of-scope topic needs this share of an answer's least evidence to decline a clause by itself. */
const TOPIC_MIN_SHARE = 0.5;
/** Evidence each word unknown to the pack adds for "something the pack does not cover". */
const FOREIGN_EVIDENCE = 0.7;
/** Unknown words in a row count as at most this many (see foreignWeight). */
const FOREIGN_RUN = 2;
/** Nearest-phrasing similarity adds up to this much evidence ("is bleeding normal" is an alternate word for word). */
const NEAREST_WEIGHT = 1.5;
/** Candidates scored in full per question. */
const CANDIDATES = 12;
/** A concept anchors an answer when at least this share of the entry's phrasings use it. */
const ANCHOR_SHARE = 0.08;
/** An everyday concept anchors only an entry whose phrasings use it this often ("quick" for the session length). */
const EVERYDAY_ANCHOR_SHARE = 0.2;
/** A question this close to one of an entry's phrasings is anchored to it whatever its words. */
const NEAR_ANCHOR = 0.75;
/** Similarity at which a question is one of an entry's phrasings, word for word or nearly. */
const EXACT_PHRASING = 0.95;
/** Share of an entry's phrasings naming a topic's terms at which the topic counts as covered by the entry. */
const COVERED_SHARE = 0.5;
/** A clause names its own subject when it has a concept that at most this many classes use strongly. */
const DISTINCTIVE_SPREAD = 3;
/** What a candidate sharing none of a shaped question's subject words keeps of its evidence. */
const OFF_SUBJECT_SHARE = 0.6;
/** A concept used by at least this share of an entry's phrasings is at its heart (see isCentral). */
const CENTRAL_SHARE = 0.45;
/** Characters of a message read for matching (warning signs are looked for in all of it). */
const MATCH_CHARS = 4000;
/** Words (stopwords aside) of a follow-up question short enough to be about the question before it ("worth it?"). */
const SHORT_FOLLOW_UP = 2;
/** Confidence an answer needs when another question of the same message is declined as out of scope. */
const MIXED_MIN_CONFIDENCE = 0.8;
/** Words of one sentence read for matching. */
const MAX_CLAUSE_WORDS = 200;
/** Fewest words a joined question needs to count as a clause of its own. */
const MIN_CLAUSE_WORDS = 3;
/** How many words after "than", "like"... a term is still the yardstick of the comparison. */
const COMPARISON_REACH = 5;
/** How many words after "because of", "from"... name the cause. */
const CAUSE_REACH = 3;
/**
 * Clauses of one message read in full for matching (warning signs are looked for in all of it); past them, only
 * clauses that ask, until maxAnswers of them are read (a long post often asks at its end).
 */
const MAX_CLAUSES = 12;
const HAS_WORD = /[a-z0-9]/;
/** A correction that keeps this many first letters changes only the ending (see the warning-sign check). */
const TRUSTED_SHARED_START = 5;
const sharedStart = (a: string, b: string): number => {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
};

/*
 * The phrasing classifier (phrasing-classifier.ts) corrects the rules only where it is very sure. Naive Bayes
 * is overconfident, so each threshold is near 1. Chosen by replaying the first-contact answers of blind rounds
 * 18-41 with a classifier trained only on what was labelled before each round (and, for declining, the first
 * contact of rounds 42-59): each threshold cost no covered answer there, or far fewer than it saved.
 */
/** A question the rules declined is answered by the classifier's entry at this probability. */
const CLASSIFIER_ANSWER = 0.999;
/** A question the rules answered is declined when the classifier gives "declined" this probability. */
const CLASSIFIER_DECLINE = 0.9999;
/** A weak answer of the rules (confidence below WEAK_ANSWER) is declined already at this probability. */
const CLASSIFIER_DECLINE_WEAK = 0.99;
/**
 * The same two when the rules' answer leaves a subject word of the question unexplained (no more than
 * ANCHOR_SHARE of the entry's phrasings use it: "can i book online" answered with the blood-thinner entry). On a
 * replay of the first contact of rounds 42-86, declining at these alone saved 16 uncovered and look-alike
 * questions for 6 right answers; the guard keeps "how does microneedling actually work?" answered.
 */
const CLASSIFIER_DECLINE_UNEXPLAINED = 0.98;
const CLASSIFIER_DECLINE_WEAK_UNEXPLAINED = 0.9;
/** Below this confidence the rules' answer rests on little; on both replays no right answer was below it and declined. */
const WEAK_ANSWER = 0.78;
/** The classifier's entry replaces the rules' one at this probability. */
const CLASSIFIER_SWITCH = 0.999;
/** A message worded like the labelled warning signs is escalated at this probability (recall first). */
const CLASSIFIER_WARNING = 0.99999;
/** Classifier labels that are not entry ids (ids are kebab-case: these cannot clash). */
const DECLINED = '(declined)';
const WARNING = '(warning sign)';
/** The rule an escalation by the classifier reports. */
const CLASSIFIER_RULE: RedFlagRule = {
  id: 'worded-like-labelled-warning-signs',
  description: 'Worded like the warning signs of labelled-questions.yaml',
  patterns: [],
  when: [],
};

type ClassItem = { kind: 'entry'; entry: FaqEntry } | { kind: 'topic'; topic: OutOfScopeTopic };

export interface ClauseTrace {
  text: string;
  asked: boolean;
  concepts: string[];
  /** Out-of-scope terms in the clause (comparisons left out). */
  hits: TermHit[];
  /** A cause other than the treatment the clause names for its symptom, if any. */
  otherCause: string | null;
  /** Out-of-scope terms named only as the yardstick of a comparison ("hurt more than a tattoo"). */
  yardsticks: string[];
}

/** Everything the matcher worked out about a question, for `--explain` and tests. */
export interface MatchTrace {
  folded: string;
  clauses: ClauseTrace[];
  redFlag: RedFlagHit | null;
  /**
   * The phrasing classifier's most probable label, what it changed ("" when nothing), and the subject words of
   * the asking clauses that the rules' answer does not explain (see CLASSIFIER_DECLINE_UNEXPLAINED).
   */
  classifier: (Prediction & { changed: string; unexplained: string[] }) | null;
  /** What each asking clause (or the whole message, when none asks) was found to be about. */
  decisions: Array<{ clause: string; verdict: string; foreign: string[] }>;
  /** Candidates of the clause that decided (or the closest one), best first. */
  ranked: Array<{ id: string; kind: 'entry' | 'topic'; score: number; evidence: number; nearest: number; shared: string[] }>;
  result: MatchResult;
}

export interface ExplainingMatcher extends Matcher {
  explain(question: string): MatchTrace;
}

const idOf = (item: ClassItem): string => (item.kind === 'entry' ? item.entry.id : item.topic.id);

/** Builds every index once; match() is then pure and synchronous. */
export function createMatcher(knowledge: Knowledge, options: MatcherOptions = {}): ExplainingMatcher {
  return runToEnd(buildMatcher(knowledge, options));
}

/** The same build in slices of about `sliceMs`, the event loop free between them (for a reload while answering). */
export function createMatcherInSlices(knowledge: Knowledge, options: MatcherOptions = {}, sliceMs = 10): Promise<ExplainingMatcher> {
  return runInSlices(buildMatcher(knowledge, options), sliceMs);
}

/** Length up to which a list's repeats are found by looking back, not with a set. */
const SHORT_LIST = 24;
/** The list's first of each value, in order. A short list (most phrasings' concepts) needs no set. */
function distinct(list: string[]): string[] {
  if (list.length > SHORT_LIST) return [...new Set(list)];
  let kept = 0;
  for (let i = 0; i < list.length; i++) {
    const value = list[i]!;
    let seen = false;
    for (let j = 0; j < kept && !seen; j++) seen = list[j] === value;
    if (!seen) list[kept++] = value;
  }
  list.length = kept;
  return list;
}
/** Pieces of the build are yielded between; each is linear in a few pack texts. */
const TEXTS_PER_STEP = 32;

function* buildMatcher(knowledge: Knowledge, options: MatcherOptions): BuildSteps<ExplainingMatcher> {
  const { minEvidence, suggestionShare, maxSuggestions, maxAnswers, ownPhrasings } = { ...DEFAULTS, ...options };
  const lex = compileLexicon(knowledge.lexicon);
  const aboutOtherProcedure = otherProcedureSentences(knowledge.otherProcedures, lex);
  const disclaimed = disclaimsTreatment(knowledge.lexicon.disclaimers, lex);
  /** A folded text as matching reads it, sentence by sentence: the lexicon's rewrites and tokens applied. */
  const normalizedOfFolded = (folded: string): string =>
    sentencesOf(folded)
      .map((x) => lex.expand(x.text))
      .join(' ');
  const toWords = (expanded: string): string[] => splitWords(lex.joinPhrases(expanded));
  /** A folded sentence as words, with rewrites, slang, misspellings and concept phrases applied. */
  const wordsOf = (text: string): string[] => toWords(lex.expand(text));
  // Pack texts and their words, numbered (pack-text-table.ts); what is worked out about a text is kept by number.
  const table = createPackTextTable((text) => wordsOf(foldText(text).replace(SENTENCE_ENDS, ' ')));
  const textId = table.id;
  const textConcepts: (string[] | undefined)[] = [];
  /** A text's words joined by spaces, where reading it gave them already (intents read that string). */
  const wordsText: (string | undefined)[] = [];
  const features = createPhrasingFeatures(lex, table);
  // The classifier learns the entries' questions and alternates while they are folded anyway (they come first).
  const trainer = createPhrasingTrainer();
  /** Each entry's question and alternates as the matcher reads them; one written for two entries reaches neither. */
  const ownPhrasing = new Map<string, FaqEntry>();
  const sharedPhrasing = new Set<string>();
  /** Each entry's question and alternates, as text numbers. */
  const entryPhrasingIds: number[][] = [];
  // Each loop's body is a function of its own: V8 optimises a small function at once, where the whole build
  // (one large generator) took it hundreds of milliseconds to compile, and ran slowly meanwhile.
  const readEntryTexts = (entry: FaqEntry): void => {
    const ids: number[] = [];
    entryPhrasingIds.push(ids);
    for (const text of [entry.question, ...entry.alternates]) {
      const id = table.add(text);
      ids.push(id);
      const folded = foldText(text);
      const sentences = sentencesOf(folded);
      let key: string;
      if (sentences.length === 1) {
        // One sentence: its words are the folded text's words (the sentence end is all that is left out), so
        // one pass of folding and expanding gives both.
        const sentence = sentences[0]!.text;
        const { expanded, words, joined } = lex.expandToWords(sentence);
        key = expanded;
        table.giveWords(id, words);
        if (joined) wordsText[id] = expanded;
        // Where the lexicon changed nothing (most texts), those words are the folded words the classifier reads.
        trainer.add(entry.id, expanded === sentence ? features.ofNumbers(table.wordNumbers(id)) : features.ofWords(sentence.split(' ')));
      } else {
        key = normalizedOfFolded(folded);
        trainer.add(entry.id, features.ofFolded(folded));
      }
      const owner = ownPhrasing.get(key);
      if (owner === undefined) ownPhrasing.set(key, entry);
      else if (owner !== entry) sharedPhrasing.add(key);
    }
    // The answer and tags are numbered here too, so texts are numbered in the order the vocabulary reads them.
    textId(entry.answer);
    for (const tag of entry.tags) textId(tag);
  };
  yield* nested(eachStep(knowledge.entries, readEntryTexts));
  for (const key of sharedPhrasing) ownPhrasing.delete(key);
  const questionOpeners = new Set(knowledge.lexicon.questionOpeners);
  const comparisonWords = new Set(knowledge.lexicon.comparisonWords);
  const choiceWords = new Set(knowledge.lexicon.choiceWords);
  const pointingWords = new Set(knowledge.lexicon.pointingWords);
  const clauseJoiners = new Set(knowledge.lexicon.clauseJoiners);
  const subjectWords = new Set(knowledge.lexicon.subjectWords);
  const describingWords = new Set(knowledge.lexicon.describingWords);
  const yardstickWords = new Set(knowledge.lexicon.yardstickWords);
  const causeOpeners = knowledge.lexicon.causeOpeners.map((o) => o.toLowerCase());
  const causeOpenerGates = compileGates(causeOpeners.map((o) => [[` ${o} `]]));
  // Intents that are only shapes ("howlong"); an intent that is also a concept ("pain") is a subject too.
  const intentNames = new Set(knowledge.lexicon.intents.map((i) => i.concept).filter((c) => !Object.hasOwn(knowledge.lexicon.concepts, c)));
  const redFlag = compileRedFlags(knowledge);
  yield;

  const wordsOfId = table.words;
  const wordsOfPackText = (text: string): string[] => wordsOfId(textId(text));
  // The entries' texts are numbered already (in the order read: question, alternates, answer, tags); the rest
  // follow, so the vocabulary below meets words in the order the pack has them.
  for (const t of knowledge.outOfScope) for (const text of [...t.terms, ...t.examples]) textId(text);
  for (const r of knowledge.redFlags) textId(r.description);
  for (const texts of Object.values(knowledge.phrasings)) for (const text of texts) textId(text);
  // Words of the warning-sign patterns are vocabulary too, so "infectd" can be corrected to "infected".
  const warningWords = [...knowledge.redFlags.flatMap((r) => r.patterns), ...Object.values(knowledge.signs).flat()].flatMap(
    (p) => p.toLowerCase().match(/[a-z]{4,}/g) ?? [],
  );
  yield;
  // A set in first-seen order, each distinct text read once (a pack repeats its texts, a large one often).
  const vocabulary = new Set<string>();
  const inVocabulary: boolean[] = [];
  const addWords = (id: number): void => {
    const numbers = table.wordNumbers(id);
    for (let i = 0; i < numbers.length; i++) {
      const n = numbers[i]!;
      if (inVocabulary[n] === true) continue;
      inVocabulary[n] = true;
      vocabulary.add(table.word(n));
    }
  };
  yield* nested(countSteps(table.size, addWords, TEXTS_PER_STEP));
  for (const word of [...lex.words, ...warningWords]) vocabulary.add(word);
  const correct = createSpellingCorrector(vocabulary, new Set([...lex.known, ...vocabulary]), { stem: lex.conceptOf });
  yield;

  /** A word's concept after spelling correction, or null for a stopword or a number (one lookup a word). */
  const conceptOfWord = boundedMemo((word: string): string | null => {
    if (lex.isStopword(word) || NUMBER.test(word)) return null;
    const concept = lex.conceptOf(correct(word));
    return lex.isStopword(concept) ? null : concept;
  });
  /** The words' concepts (found), then the intents the text's shape carries, each once, in that order. */
  const withIntents = (found: string[], text: string): string[] => {
    for (const intent of lex.intentsOf(text)) found.push(intent);
    return distinct(found);
  };
  const conceptsOfWords = (words: readonly string[], text: string): string[] => {
    const found: string[] = [];
    for (const word of words) {
      const concept = conceptOfWord(word);
      if (concept !== null) found.push(concept);
    }
    return withIntents(found, text);
  };
  const conceptOfNumber = table.perWord(conceptOfWord);
  // Pack texts recur (one answer for several entries, a topic's terms): their concepts are worked out once.
  const conceptsOfId = (id: number): string[] => {
    let concepts = textConcepts[id];
    if (concepts === undefined) {
      // conceptsOfWords, each word's concept looked up by its number.
      const numbers = table.wordNumbers(id);
      const found: string[] = [];
      for (let i = 0; i < numbers.length; i++) {
        const concept = conceptOfNumber(numbers[i]!);
        if (concept !== null) found.push(concept);
      }
      concepts = withIntents(found, wordsText[id] ?? wordsOfId(id).join(' '));
      textConcepts[id] = concepts;
    }
    return concepts;
  };

  /** Where the comparison that a term at `at` belongs to starts ("than"), or -1. */
  const comparisonStart = (words: readonly string[], at: number): number => {
    for (let k = at - 1; k >= Math.max(0, at - COMPARISON_REACH); k--) if (comparisonWords.has(words[k]!)) return k;
    return -1;
  };
  const isComparison = (words: readonly string[], at: number): boolean => comparisonStart(words, at) >= 0;
  /** "is it better than botox", "a safer option than a laser": the question asks which to choose, so the other thing counts. */
  /** A choice word in the few words before a comparison word at `at` ("better than", "a safer option than"). */
  const choiceBefore = (words: readonly string[], at: number): boolean => words.slice(Math.max(0, at - 3), at).some((w) => choiceWords.has(w));
  const isChoice = (words: readonly string[], at: number): boolean => {
    const start = comparisonStart(words, at);
    return start > 0 && choiceBefore(words, start);
  };

  /**
   * The words without the yardstick of a comparison: after a yardstick word ("than", "versus"), the next few words
   * that no entry is about ("more painful than having a cannula put in"). A choice ("better than botox") keeps them.
   */
  const withoutYardstick = (words: string[]): string[] => {
    const at = words.findIndex((w) => yardstickWords.has(w));
    if (at < 0 || choiceBefore(words, at)) return words;
    return words.filter((word, k) => {
      if (k <= at || k > at + COMPARISON_REACH) return true;
      const concept = conceptOfWord(word);
      return concept === null || faqConcepts.has(concept);
    });
  };

  /**
   * A cause other than the treatment named for a symptom ("dry because of the heating", "red when im nervous"):
   * an opener followed by words the pack does not know. Returns the cause's words, or null.
   */
  const otherCauseIn = (words: readonly string[]): string | null => {
    const text = ` ${words.join(' ')} `;
    for (const k of causeOpenerGates(text).open()) {
      const opener = causeOpeners[k]!;
      const at = text.indexOf(` ${opener} `);
      const after = text.slice(at + opener.length + 2).trim().split(' ').slice(0, CAUSE_REACH);
      const cause = after.find((w) => !lex.isStopword(w) && !NUMBER.test(w));
      // A cause is a cause of something the clause says happened ("dry because of the heating"): with nothing
      // an entry is about before it ("anything to do because of the medication?") it is only a reason.
      const before = text.slice(0, at).trim().split(' ');
      const names = before.some((w) => w.length > 0 && !lex.isStopword(w) && isCentral(lex.conceptOf(correct(w))));
      if (cause !== undefined && names && !faqConcepts.has(lex.conceptOf(correct(cause)))) return cause;
    }
    return null;
  };

  const termWords = wordsOfPackText;
  // A topic whose terms make up most of an entry's own phrasings is covered by that entry (a clinic added an
  // entry for what the pack used to decline): where that topic would decline, the entry answers.
  const allTermHits = compileTermHits(knowledge.outOfScope, termWords, () => false);
  const coveredBy = new Map<string, FaqEntry>();
  /** Each entry phrasing that may hold a term, as singular words (read again for entryGrams below). */
  const singularPhrasings: string[][][] = [];
  const singularOfNumber = table.perWord(singular);
  const startsTerm = table.perWord((word) => allTermHits.firstWords.has(singular(word)));
  const readEntryTerms = (entry: FaqEntry, phrasings: readonly number[]): void => {
    const counts = new Map<string, number>();
    const singulars: string[][] = [];
    singularPhrasings.push(singulars);
    for (const id of phrasings) {
      const numbers = table.wordNumbers(id);
      const words: string[] = new Array(numbers.length);
      let mayHoldTerm = false;
      for (let i = 0; i < numbers.length; i++) {
        words[i] = singularOfNumber(numbers[i]!);
        mayHoldTerm ||= startsTerm(numbers[i]!);
      }
      // A phrasing with no word a term starts with has no term in it, nor any gram of one (see entryGrams).
      if (!mayHoldTerm) continue;
      singulars.push(words);
      // The topics it names (a few at most: a list, not a set).
      const topics: string[] = [];
      for (const h of allTermHits(words)) if (!isComparison(words, h.start) && !topics.includes(h.topic.id)) topics.push(h.topic.id);
      for (const id of topics) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    for (const [id, n] of counts) if (n / phrasings.length >= COVERED_SHARE) coveredBy.set(id, entry);
  };
  yield* nested(eachStep(knowledge.entries, (entry, k) => readEntryTerms(entry, entryPhrasingIds[k]!)));

  // Entries learn from their question, alternates and labelled real questions; topics from their examples,
  // terms and labelled questions. Topics compete with entries as classes: "out of scope" is evidence.
  // A covered topic is no longer a class of its own: its phrasings teach the entry that covers it.
  const items: ClassItem[] = [
    ...knowledge.entries.map((entry) => ({ kind: 'entry' as const, entry })),
    ...knowledge.outOfScope.filter((t) => !coveredBy.has(t.id)).map((topic) => ({ kind: 'topic' as const, topic })),
  ];
  const labelled = (id: string): string[] => (Object.hasOwn(knowledge.phrasings, id) ? knowledge.phrasings[id]! : []);
  // A topic's terms teach it as one phrasing: each alone would dilute the topic's profile.
  const topicPhrasings = (topic: OutOfScopeTopic): string[] => [...topic.examples, topic.terms.join(' ').replace(/\.\.\./g, ' '), ...labelled(topic.id)];
  const coveredTopicsOf = new Map<FaqEntry, OutOfScopeTopic[]>();
  for (const t of knowledge.outOfScope) {
    const entry = coveredBy.get(t.id);
    if (entry !== undefined) coveredTopicsOf.set(entry, [...(coveredTopicsOf.get(entry) ?? []), t]);
  }
  /** A class's phrasings as text numbers (an entry's first few are numbered already). */
  const phrasingIdsOf = (item: ClassItem, k: number): number[] =>
    item.kind === 'entry'
      ? [
          ...entryPhrasingIds[k]!,
          textId(item.entry.answer),
          ...labelled(item.entry.id).map(textId),
          // Its author-written examples and terms only: questions labelled with a topic were labelled as
          // "not covered", a looser judgement than "answered by this entry".
          ...(coveredTopicsOf.get(item.entry) ?? []).flatMap((t) => [...t.examples, t.terms.join(' ').replace(/\.\.\./g, ' ')]).map(textId),
        ]
      : topicPhrasings(item.topic).map(textId);
  const docs: ClassDoc<ClassItem>[] = [];
  const readDoc = (item: ClassItem, k: number): void => {
    docs.push({ item, phrasings: phrasingIdsOf(item, k).map(conceptsOfId) });
  };
  yield* nested(eachStep(items, readDoc));
  const index = yield* nested(createConceptIndexSteps(docs, (c) => (lex.classOf(c) === 'topic' ? 1 : EVERYDAY_WEIGHT)));
  /** Concepts central to some FAQ entry: a cause named in other words is another cause. */
  const faqConcepts = new Set<string>();
  const addFaqConcepts = (k: number): void => {
    for (const [c, share] of index.shares(k)) if (share >= ANCHOR_SHARE) faqConcepts.add(c);
  };
  yield* nested(eachStep(docs, (d, k) => {
    if (d.item.kind === 'entry') addFaqConcepts(k);
  }));
  const topicIndexById = new Map(items.flatMap((item, k) => (item.kind === 'topic' ? [[item.topic.id, k] as const] : [])));

  // A term that an entry's own phrasings use is not a sign of another topic: the entry must stay reachable.
  // Only word sequences a term can start with are kept (the rest could never shadow one): linear in the pack.
  const shadowable = knowledge.outOfScope.filter((t) => !coveredBy.has(t.id));
  const termPrefixes = new Set(
    shadowable.flatMap((t) => t.terms.map((term) => termWords(term).map(singular)).flatMap((w) => w.map((_, n) => w.slice(0, n + 1).join(' ')))),
  );
  const entryGrams = new Set<string>();
  const addEntryGrams = (singulars: readonly string[][]): void => {
    for (const words of singulars) {
      // "does it hurt more than a tattoo" names the tattoo only as a yardstick: that does not shadow the term.
      for (let i = 0; i < words.length; i++) {
        if (!termPrefixes.has(words[i]!) || isComparison(words, i)) continue;
        let gram = words[i]!;
        for (let n = 1; n <= 4 && termPrefixes.has(gram); n++) {
          entryGrams.add(gram);
          if (i + n >= words.length) break;
          gram = `${gram} ${words[i + n]}`;
        }
      }
    }
  };
  yield* nested(eachStep(singularPhrasings, addEntryGrams));
  const termHitsOf = compileTermHits(shadowable, termWords, (term) =>
    term.includes('...') ? false : entryGrams.has(termWords(term).map(singular).join(' ')),
  );
  const entryById = new Map(knowledge.entries.map((e) => [e.id, e]));
  // A topic covered by an entry teaches that entry, as it does the rules (coveredBy).
  const topicLabel = (id: string): string => coveredBy.get(id)?.id ?? DECLINED;
  /** Teaches the classifier texts under their labels, a step at a time. */
  function* teach(texts: Iterable<string>, labelOf: (text: string) => string): BuildSteps<void> {
    let read = 0;
    for (const text of texts) {
      if (++read % TEXTS_PER_STEP === 0) yield;
      trainer.add(labelOf(text), features.ofFolded(foldText(text)));
    }
  }
  for (const [id, texts] of Object.entries(knowledge.phrasings)) {
    const label = entryById.has(id) ? id : topicLabel(id);
    yield* nested(teach(texts, () => label));
  }
  for (const topic of knowledge.outOfScope) yield* nested(teach([...topic.examples, ...topic.terms], () => topicLabel(topic.id)));
  // Questions filed under a removed entry are ignored (knowledge:check warns), as phrasings.yaml's are.
  for (const [id, texts] of Object.entries(knowledge.labelled.answered)) if (entryById.has(id)) yield* nested(teach(texts, () => id));
  // A declined question about a topic an entry now covers (a clinic added makeup advice) teaches that entry.
  const declinedLabel = (text: string): string => {
    if (coveredBy.size === 0) return DECLINED;
    const words = termWords(text).map(singular);
    const hit = allTermHits(words).find((h) => coveredBy.has(h.topic.id) && !isComparison(words, h.start));
    return hit ? coveredBy.get(hit.topic.id)!.id : DECLINED;
  };
  yield* nested(teach(knowledge.labelled.declined, declinedLabel));
  yield* nested(teach(knowledge.labelled.warnings, () => WARNING));
  const classifier: PhrasingClassifier = yield* nested(trainer.finish());
  // From here on only messages are read: a concept or pair training never saw is no feature.
  features.freeze();

  // Build-time caches: a long-running bot need not keep every pack text's words (matching never reads them).
  table.clear();
  textConcepts.length = 0;
  wordsText.length = 0;
  entryPhrasingIds.length = 0;
  entryGrams.clear();
  singularPhrasings.length = 0;

  /** Splits a sentence where a joiner opens a new question: "how many sessions | and how far apart". */
  function clausesOf(words: readonly string[]): string[][] {
    const out: string[][] = [];
    let from = 0;
    for (let i = 1; i < words.length - 1; i++) {
      // A tail such as "or what" is not a question of its own.
      // "and roughly how long...": one stopword may stand between the joiner and the question word.
      const opener = questionOpeners.has(words[i + 1]!) || (lex.isStopword(words[i + 1]!) && questionOpeners.has(words[i + 2] ?? ''));
      if (clauseJoiners.has(words[i]!) && opener && words.length - i > MIN_CLAUSE_WORDS) {
        if (i > from) out.push(words.slice(from, i));
        from = i + 1;
      }
    }
    if (from < words.length) out.push(words.slice(from));
    return out;
  }

  /** Words of a greeting a message opens with ("good evening", "hi"), 0 when none. */
  const greetings = knowledge.lexicon.greetings.map((g) => g.split(' '));
  const greetingLength = (words: readonly string[]): number =>
    Math.max(0, ...greetings.filter((g) => g.every((w, k) => words[k] === w)).map((g) => g.length));

  /** "my husband would like to know whether one treatment is enough": a question told, not asked. */
  // Lists of phrases looked for in every clause: one pass finds which occur (literal-scan.ts).
  const indirectMarkers = compileGates(knowledge.lexicon.indirectQuestions.map((m) => [[` ${m} `]]));
  const asksIndirectly = (words: readonly string[]): boolean => indirectMarkers(` ${words.join(' ')} `).open().length > 0;

  /** "how long...", and after a joiner, "also is the shedding normal", "so can i wash it": the clause asks. */
  function opensQuestion(words: readonly string[]): boolean {
    let i = greetingLength(words);
    // "hi neighbours, is it...", "hello madam what is...": one word after a greeting may say who is greeted.
    if (i > 0 && !questionOpeners.has(words[i] ?? '')) i++;
    while (i < 2 && clauseJoiners.has(words[i] ?? '')) i++;
    return questionOpeners.has(words[i] ?? '');
  }

  /** Whether a clause says what it is about in words the pack knows ("is that correct?" does not). */
  const distinctive = Math.log(1 + items.length / (1 + DISTINCTIVE_SPREAD));
  const isDistinctive = (c: string): boolean => lex.classOf(c) === 'topic' && index.knows(c) && index.idf(c) >= distinctive;
  /** A concept at the heart of one entry ("peel" for the peeling entry), however many others mention it. */
  const isCentral = (c: string): boolean => {
    if (lex.classOf(c) !== 'topic' || !index.knows(c)) return false;
    const home = index.homeOf(c);
    return items[home]?.kind === 'entry' && index.share(home, c) >= CENTRAL_SHARE;
  };
  const hasTopic = (concepts: readonly string[]): boolean => concepts.some((c) => isDistinctive(c) || isCentral(c));
  /** A subject word: one of the lexicon's concept groups (what questions are about), or a distinctive word. */
  const isSubject = (c: string): boolean =>
    !intentNames.has(c) && lex.classOf(c) === 'topic' && (Object.hasOwn(knowledge.lexicon.concepts, c) || isDistinctive(c));

  /**
   * The concepts one asking clause is matched on: its own at full weight, the rest of the message as
   * backstory at a lower weight, or at full weight when the clause asks with no topic words of its own
   * ("i take warfarin. is that ok?").
   */
  function weigh(focus: ClauseTrace, others: readonly ClauseTrace[]): { concepts: string[]; weights: number[] } {
    const backstory = hasTopic(focus.concepts) ? BACKSTORY_WEIGHT : 1;
    // With a subject named ("how long does peeling last"), the question's shape says what kind of answer
    // is wanted, not which: it weighs like an everyday word.
    const shapeWeight = focus.concepts.some(isSubject) ? EVERYDAY_WEIGHT : 1;
    const weightOf = new Map<string, number>();
    const add = (concepts: readonly string[], w: number) => {
      for (const c of concepts) {
        const weight = w * (intentNames.has(c) ? shapeWeight : lex.classOf(c) === 'topic' ? 1 : EVERYDAY_WEIGHT);
        weightOf.set(c, Math.max(weightOf.get(c) ?? 0, weight));
      }
    };
    add(focus.concepts, 1);
    for (const o of others) if (o !== focus) add(o.concepts, backstory);
    return { concepts: [...weightOf.keys()], weights: [...weightOf.values()] };
  }

  interface Ranked {
    scored: Scored<ClassItem>;
    evidence: number;
  }

  /** `termed`: topic id -> how much its term counts (1 in the asking clause, less in backstory). */
  function rank(concepts: readonly string[], weights: readonly number[], termed: ReadonlyMap<string, number>, focus: readonly string[]): Ranked[] {
    // Nearness to a phrasing is judged on the asking clause alone: that is what should resemble a question.
    const focusWeights = focus.map((c) => (intentNames.has(c) || lex.classOf(c) === 'topic' ? 1 : EVERYDAY_WEIGHT));
    const scored = index.score(concepts, weights, CANDIDATES, focus, focusWeights);
    const termEvidence = (item: ClassItem): number => (item.kind === 'topic' ? (termed.get(item.topic.id) ?? 0) * TERM_EVIDENCE : 0);
    const ranked = scored.map((s) => ({ scored: s, evidence: s.score + NEAREST_WEIGHT * s.nearest ** 2 + termEvidence(s.item) }));
    // A topic named by a term counts even when its other words did not make the candidates.
    for (const id of termed.keys()) {
      if (ranked.some((r) => r.scored.item.kind === 'topic' && r.scored.item.topic.id === id)) continue;
      const k = topicIndexById.get(id)!;
      ranked.push({ scored: { item: items[k]!, index: k, score: 0, nearest: 0, shared: [] }, evidence: termEvidence(items[k]!) });
    }
    return ranked.sort((a, b) => b.evidence - a.evidence);
  }

  /** An entry can answer only through a concept central to it (not a passing "doctor" or "day"). */
  const anchored = (r: Ranked): boolean =>
    r.scored.shared.some((c) => {
      // A question's shape ("how long") says what kind of answer it wants, not which: it anchors nothing.
      if (intentNames.has(c)) return false;
      const share = index.share(r.scored.index, c);
      if (lex.classOf(c) === 'topic') return share >= ANCHOR_SHARE || index.homeOf(c) === r.scored.index;
      return lex.classOf(c) === 'everyday' && share >= EVERYDAY_ANCHOR_SHARE;
    }) || r.scored.nearest >= NEAR_ANCHOR;

  const entryOf = (r: Ranked): FaqEntry | null => (r.scored.item.kind === 'entry' ? r.scored.item.entry : null);

  interface Decision {
    ranked: Ranked[];
    /** Anchored entries, best first. */
    entries: Ranked[];
    verdict:
      | { kind: 'entry'; entry: FaqEntry; evidence: number }
      | { kind: 'topic'; topic: OutOfScopeTopic }
      | { kind: 'other-cause'; cause: string }
      | { kind: 'none' };
    /** Words of the clause that nothing in the pack knows. */
    foreign: string[];
  }

  /** What one asking clause is about: an entry, an out-of-scope topic that explains it better, or nothing clear. */
  /** How many topic words the rest of the message adds to a clause (an exact phrasing in a longer story is not decisive alone). */
  const others = (focus: ClauseTrace, all: readonly ClauseTrace[]): number =>
    all.filter((c) => c !== focus).reduce((n, c) => n + c.concepts.filter((x) => lex.classOf(x) === 'topic' && index.knows(x)).length, 0);

  /**
   * How many unknown words count against a clause. A run of them in a row ("ang init dito sa manila") is a
   * phrase in another language or a name, one thing the pack does not know, not several topics: a run counts
   * as at most FOREIGN_RUN words.
   */
  function foreignWeight(text: string, foreign: readonly string[]): number {
    if (foreign.length === 0) return 0;
    const unknown = new Set(foreign);
    let weight = 0;
    let run = 0;
    for (const w of text.split(' ')) {
      if (unknown.has(lex.conceptOf(w))) run++;
      else if (!lex.isStopword(w) || run === 0) {
        weight += Math.min(run, FOREIGN_RUN);
        run = 0;
      }
    }
    return weight + Math.min(run, FOREIGN_RUN);
  }

  const negations = new Set(knowledge.lexicon.negations);
  /** The concepts a clause affirms: "doesnt hurt, just pink" affirms pink, not pain. */
  const affirmed = (clause: ClauseTrace): string[] => {
    const words = clause.text.split(' ');
    const denied = new Set(words.filter((_, k) => negations.has(words[k - 1] ?? '') || negations.has(words[k - 2] ?? '')).map((w) => lex.conceptOf(correct(w))));
    return denied.size === 0 ? clause.concepts : clause.concepts.filter((c) => !denied.has(c));
  };

  /** Whether concepts name what a question is about, not only its shape ("how long"). */
  const namesSubject = (concepts: readonly string[]): boolean => concepts.some((c) => !intentNames.has(c) && (isDistinctive(c) || isCentral(c)));

  /**
   * "day 1 and my face is tomato red. how long til it's not?": a question that names no subject of its own
   * asks about the clause before it, so the two are matched as one (its terms keep their own weights).
   */
  function withContext(focus: ClauseTrace, all: readonly ClauseTrace[], pastQuestions = false): ClauseTrace {
    if (focus.hits.length > 0) return focus;
    const at = all.indexOf(focus);
    // "worth it?" names nothing of its own and "will it sting?" points back; "and the peeling?" asks anew.
    const words = focus.text.split(' ');
    const short =
      at > 0 &&
      words.filter((w) => !lex.isStopword(w)).length <= SHORT_FOLLOW_UP &&
      (words.some((w) => pointingWords.has(w)) || !focus.concepts.some((c) => Object.hasOwn(knowledge.lexicon.concepts, c)));
    // "what actually is microneedling": a question's shape and the treatment's name alone make a whole question.
    const complete = focus.concepts.includes(TREATMENT) && focus.concepts.every((c) => c === TREATMENT || intentNames.has(c)) && focus.concepts.length > 1;
    if (complete || (!short && namesSubject(focus.concepts))) return focus;
    // A short follow-up ("worth it?") goes with the question before it; one without a subject with the sentence before it.
    // pastQuestions: the last clause before that asks nothing, not a question ("how many times would he go and how
    // long does each one take?", where the second joined to the first only repeats it).
    const context = pastQuestions
      ? all.slice(0, at).reverse().find((c) => !c.asked)
      : ((short ? all.slice(0, at).reverse().find((c) => c.asked) : undefined) ?? all[at - 1]);
    if (!context) return focus;
    return {
      text: `${context.text} ${focus.text}`,
      asked: true,
      concepts: [...new Set([...affirmed(context), ...focus.concepts])],
      hits: [...context.hits, ...focus.hits],
      otherCause: focus.otherCause,
      yardsticks: [...context.yardsticks, ...focus.yardsticks],
    };
  }

  /** `own`: the asking clause as written, before withContext joined it to the clause it continues. */
  function decide(focus: ClauseTrace, all: readonly ClauseTrace[], own: ClauseTrace = focus): Decision {
    const { concepts, weights } = weigh(focus, all);
    // A term in the backstory ("I had a chemical peel on Monday") still says what the question is about.
    const backstory = hasTopic(own.concepts) ? BACKSTORY_TERM_SHARE : 1;
    const termWeights = new Map<string, number>();
    for (const c of all) {
      for (const h of c.hits) {
        // Another question of the message is a question of its own: its terms are not this one's subject.
        // A follow-up joined to the question it continues ("is drinking collagen powder worth it? or a waste of
        // money?") asks that question: its terms are this one's.
        const continued = c.asked && focus !== own && focus.hits.includes(h);
        // A term that changes what the message is about (another procedure) does so for a question that names
        // no treatment of its own; one that names microneedling stays about it.
        const changes = h.topic.changesSubject && !own.concepts.includes(TREATMENT);
        const w = c === own || continued || changes ? 1 : c.asked ? BACKSTORY_TERM_SHARE : backstory;
        termWeights.set(h.topic.id, Math.max(termWeights.get(h.topic.id) ?? 0, w));
      }
    }
    // In a question with a shape ("how long does peeling last"), a candidate that shares none of its subject
    // words explains only the shape ("how long ... last"): it counts for less.
    const subjects = new Set(focus.concepts.filter(isSubject));
    const ranked = rank(concepts, weights, termWeights, focus.concepts);
    if (subjects.size > 0 && focus.concepts.some((c) => intentNames.has(c))) {
      for (const r of ranked) {
        if (r.scored.item.kind === 'topic' && termWeights.has(r.scored.item.topic.id)) continue;
        if (!r.scored.shared.some((c) => subjects.has(c))) r.evidence *= OFF_SUBJECT_SHARE;
      }
      ranked.sort((a, b) => b.evidence - a.evidence);
    }
    const entries = ranked.filter((r) => entryOf(r) !== null && anchored(r));
    const best = entries[0];
    // "Posting for my daughter who had it for acne scars. Is peeling expected?": a topic that only the
    // backstory names (no term of it, no distinctive word of it in the asking clause) does not outweigh an
    // entry the asking clause names, unless the topic changes what the whole message is about.
    const focusNames = (r: Ranked): boolean => r.scored.shared.some((c) => focus.concepts.includes(c) && isDistinctive(c));
    // A term asked about in this question (or the sentence it continues), not in another question of the message.
    const askedTerm = (id: string): boolean => focus.hits.some((h) => h.topic.id === id);
    const onlyInBackstory = (r: Ranked): boolean =>
      r.scored.item.kind === 'topic' &&
      !r.scored.item.topic.changesSubject &&
      !askedTerm(r.scored.item.topic.id) &&
      !r.scored.shared.some((c) => focus.concepts.includes(c) && lex.classOf(c) === 'topic') &&
      best !== undefined &&
      focusNames(best);
    // An entry's own question and alternates always reach it, whatever else shares their words.
    const exact = entries.filter((r) => r.scored.nearest >= EXACT_PHRASING).sort((a, b) => b.scored.nearest - a.scored.nearest || b.evidence - a.evidence)[0];
    if (exact && focus.concepts.some(isDistinctive) && others(focus, all) === 0) {
      return { ranked, entries, verdict: { kind: 'entry', entry: entryOf(exact)!, evidence: exact.evidence }, foreign: [] };
    }
    const topic = ranked.find((r) => r.scored.item.kind === 'topic' && r.evidence > 0 && !onlyInBackstory(r));
    if (topic && topic.evidence >= (best?.evidence ?? 0) && topic.evidence >= minEvidence * TOPIC_MIN_SHARE && topic.scored.item.kind === 'topic') {
      return { ranked, entries, verdict: { kind: 'topic', topic: topic.scored.item.topic }, foreign: [] };
    }
    // Words no entry, topic or everyday list knows ("pillowcase", "isotretinoin") are about something the
    // pack does not cover: together they can outweigh an entry that explains only part of the clause.
    const foreign = focus.concepts.filter((c) => lex.classOf(c) === 'topic' && !index.knows(c) && !lex.known.has(c));
    if (best && foreignWeight(focus.text, foreign) * FOREIGN_EVIDENCE >= best.evidence) return { ranked, entries, verdict: { kind: 'none' }, foreign };
    if (focus.otherCause !== null) return { ranked, entries, verdict: { kind: 'other-cause', cause: focus.otherCause }, foreign: [] };
    // A clause that names no subject ("how long?") is answered only when it is one of an entry's phrasings.
    const named =
      focus.text.split(' ').some((w) => subjectWords.has(w)) ||
      concepts.some((c) => !intentNames.has(c) && (lex.classOf(c) === 'context' || (lex.classOf(c) === 'topic' && index.knows(c))));
    if (best && !named) return { ranked, entries, verdict: { kind: 'none' }, foreign };
    if (best && best.evidence >= minEvidence) return { ranked, entries, verdict: { kind: 'entry', entry: entryOf(best)!, evidence: best.evidence }, foreign };
    return { ranked, entries, verdict: { kind: 'none' }, foreign };
  }

  const classOfEntry = new Map(items.flatMap((item, k) => (item.kind === 'entry' ? [[item.entry, k] as const] : [])));
  /**
   * Subject words of the asking clauses (all clauses when none asks) that few of the phrasings of every
   * answering entry use (a reply answering two questions explains the words of both).
   */
  function unexplainedBy(entries: readonly FaqEntry[], clauses: readonly ClauseTrace[]): string[] {
    const ks = entries.flatMap((e) => classOfEntry.get(e) ?? []);
    const asking = clauses.some((c) => c.asked) ? clauses.filter((c) => c.asked) : clauses;
    const concepts = new Set(asking.flatMap((c) => c.concepts));
    return [...concepts].filter((c) => c !== TREATMENT && isSubject(c) && ks.every((k) => index.share(k, c) < ANCHOR_SHARE));
  }

  /**
   * The rules' result, corrected by the phrasing classifier where it is very sure: a warning sign the rules
   * missed is escalated, a declined question it knows is answered, an answered one it knows is not covered is
   * declined, and a clearly different entry replaces the rules' one. An escalation by the rules, an empty
   * message, an entry's own question or alternate, and a decline for another procedure or another cause stand.
   */
  function explain(question: string): MatchTrace {
    const trace = explainByRules(question);
    const result = trace.result;
    if (result.kind === 'escalation' || (result.kind === 'decline' && result.reason === 'empty')) return trace;
    if (ownPhrasings && ownPhrasing.has(result.normalized)) return trace;
    const prediction = classifier.predict(features.ofFolded(trace.folded));
    if (prediction === null) return trace;
    const { label, probability } = prediction;
    const entry = entryById.get(label);
    let changed = '';
    let unexplained: string[] = [];
    if (label === WARNING) {
      if (probability >= CLASSIFIER_WARNING) {
        trace.result = { kind: 'escalation', rule: CLASSIFIER_RULE, confidence: probability, normalized: result.normalized };
        changed = 'escalated';
      }
    } else if (result.kind === 'decline') {
      // Another procedure, or another cause of the symptom, is a reason the rules found: it stands.
      const reasoned = trace.decisions.some((d) => d.verdict.startsWith('another '));
      if (entry && probability >= CLASSIFIER_ANSWER && !reasoned) {
        trace.result = { kind: 'answer', entry, confidence: probability, suggestions: [], normalized: result.normalized };
        changed = 'answered';
      }
    } else if (label === DECLINED) {
      unexplained = unexplainedBy([result.entry, ...(result.also ?? [])], trace.clauses);
      const [strong, weak] =
        unexplained.length > 0 ? [CLASSIFIER_DECLINE_UNEXPLAINED, CLASSIFIER_DECLINE_WEAK_UNEXPLAINED] : [CLASSIFIER_DECLINE, CLASSIFIER_DECLINE_WEAK];
      // The classifier reads words, not comparisons: "worse than after a chemical peel" names the peel only as a yardstick.
      const sure = probability >= strong || (probability >= weak && result.confidence < WEAK_ANSWER);
      if (sure && !trace.clauses.some((c) => c.yardsticks.length > 0)) {
        trace.result = { kind: 'decline', reason: 'low-confidence', confidence: 1 - probability, suggestions: [result.entry], normalized: result.normalized };
        changed = 'declined';
      }
    } else if (entry && entry !== result.entry && !(result.also ?? []).includes(entry) && probability >= CLASSIFIER_SWITCH) {
      trace.result = { ...result, entry, confidence: probability, suggestions: [result.entry] };
      changed = 'answered by another entry';
    }
    trace.classifier = { label, probability, changed, unexplained };
    return trace;
  }

  /** A message about another procedure or cause, declined with the out-of-scope topic its first term names, if any. */
  function declinedAsElsewhere(trace: MatchTrace, normalized: string, verdict: (hit: TermHit | undefined) => string): MatchTrace {
    const hit = termHitsOf(lex.joinPhrases(normalized).split(' ').map(singular))[0];
    trace.decisions = [{ clause: normalized, verdict: verdict(hit), foreign: [] }];
    trace.result = { kind: 'decline', reason: 'out-of-scope', confidence: 0, suggestions: [], ...(hit ? { outOfScopeId: hit.topic.id } : {}), normalized };
    return trace;
  }

  function explainByRules(question: string): MatchTrace {
    const folded = foldText(question);
    const trace: MatchTrace = {
      folded,
      clauses: [],
      decisions: [],
      redFlag: null,
      classifier: null,
      ranked: [],
      result: { kind: 'decline', reason: 'empty', confidence: 0, suggestions: [], normalized: '' },
    };
    if (!HAS_WORD.test(folded)) return trace;

    const raw = sentencesOf(folded);
    const expanded = raw.map((s) => lex.expand(s.text));
    const normalized = expanded.join(' ');
    trace.result = { ...trace.result, normalized };

    // Warning signs come first, over the whole message, whatever else it says. Spelling corrections are
    // trusted for warning words only when they are one slip away ("infecton" -> "infection") or only the
    // ending differs ("infectd" -> "infection"): others are as likely other words ("inspection").
    const corrected = expanded.map((text) =>
      text
        .split(' ')
        .map((w) => {
          const c = correct(w);
          return c === w || editDistance(w, c, 1) <= 1 || sharedStart(w, c) >= TRUSTED_SHARED_START ? c : w;
        })
        .join(' '),
    );
    // A warning sign told about another procedure ("my new tattoo is still oozing") is that procedure's to
    // judge: sentences about one (as written, before spelling correction) are left out, and the question is
    // matched (and declined) as usual.
    const other = aboutOtherProcedure(expanded);
    const ours = other.flags.map((flag) => !flag);
    const keptExpanded = expanded.filter((_, i) => ours[i]);
    const keptCorrected = corrected.filter((_, i) => ours[i]);
    const keptNormalized = keptExpanded.join(' ');
    const whole = keptCorrected.join(' ');
    const hit = redFlag({ whole: whole === keptNormalized ? [keptNormalized] : [keptNormalized, whole], sentences: [...keptExpanded, ...keptCorrected] });
    if (hit) {
      trace.redFlag = hit;
      trace.result = { kind: 'escalation', rule: hit.rule, confidence: 1, normalized };
      return trace;
    }
    // "I'm on warfarin and having a colonoscopy. Do I need to stop it beforehand?": a message that never names
    // the treatment and asks about another procedure is that procedure's question, not ours.
    const lastAsked = raw.map((s) => s.asked).lastIndexOf(true);
    if (!other.namesTreatment && other.flags[lastAsked >= 0 ? lastAsked : other.flags.length - 1]) {
      return declinedAsElsewhere(trace, normalized, (hit) => `another procedure${hit ? `: ${hit.topic.id} ("${hit.term}")` : ''}, the treatment never named`);
    }
    // "sunburnt at the beach, no needling or anything. how long will the red last": the treatment denied and never
    // named otherwise, the message is about another cause.
    if (disclaimed(expanded)) return declinedAsElsewhere(trace, normalized, () => 'another cause: the treatment said not to be involved');
    // An entry's own question or alternate, as its author wrote it, always reaches that entry.
    const own = ownPhrasings ? ownPhrasing.get(normalized) : undefined;
    if (own) {
      trace.result = { kind: 'answer', entry: own, confidence: 1, suggestions: [], normalized };
      return trace;
    }

    // Matching reads a bounded number of clauses: a question is asked in the first few, and it keeps the
    // cost of a huge message bounded (warning signs above were looked for in all of it).
    const clauses: ClauseTrace[] = [];
    let asking = 0;
    const readable = folded.length > MATCH_CHARS ? sentencesOf(folded.slice(0, MATCH_CHARS)) : raw;
    const readExpanded = readable === raw ? expanded : readable.map((x) => lex.expand(x.text));
    for (const [i, s] of readable.entries()) {
      // Past MAX_CLAUSES clauses and maxAnswers that ask, no clause is read: the rest of a long message need not be.
      if (clauses.length >= MAX_CLAUSES && asking >= maxAnswers) break;
      // Matching reads at most MAX_CLAUSE_WORDS words of a sentence (warning signs were looked for in all of it).
      const parts = clausesOf(splitWords(lex.joinPhrases(readExpanded[i]!)).slice(0, MAX_CLAUSE_WORDS));
      parts.forEach((words, j) => {
        // A lead-in ("quick question:") announces the question after it; it asks nothing itself.
        const asked = !s.leadIn && ((s.asked && j === parts.length - 1) || opensQuestion(words) || asksIndirectly(words));
        if (clauses.length >= MAX_CLAUSES && !(asked && asking < maxAnswers)) return;
        if (asked) asking++;
        const singularWords = words.map(singular);
        const hits = termHitsOf(singularWords);
        // "does it sting like waxing": the thing compared with is a yardstick, not the subject; its words go.
        const compared = hits.filter((h) => isComparison(singularWords, h.start) && !isChoice(singularWords, h.start));
        // "i look like i have a sunburn" describes the skin: its words stay, only the term does not count.
        const dropped = compared.filter((h) => !describingWords.has(words[comparisonStart(singularWords, h.start) - 1] ?? ''));
        const kept = words.filter((_, k) => !dropped.some((h) => k >= comparisonStart(singularWords, h.start) && k < h.end));
        clauses.push({
          text: words.join(' '),
          asked,
          concepts: conceptsOfWords(withoutYardstick(kept), kept.join(' ')),
          hits: hits.filter((h) => !compared.includes(h)),
          yardsticks: compared.map((h) => h.term),
          otherCause: otherCauseIn(kept),
        });
      });
    }
    trace.clauses = clauses;
    // The first maxAnswers clauses that ask are decided (a reply answers at most that many): a long message's
    // cost stays bounded by a few scorings, not one per question mark.
    const askingClauses = clauses.filter((c) => c.asked).slice(0, maxAnswers);
    const focuses: ClauseTrace[] = askingClauses.length > 0 ? askingClauses.map((c) => withContext(c, clauses)) : [{ text: normalized, asked: false, concepts: [...new Set(clauses.flatMap((c) => c.concepts))], hits: clauses.flatMap((c) => c.hits), otherCause: clauses.find((c) => c.otherCause)?.otherCause ?? null, yardsticks: clauses.flatMap((c) => c.yardsticks) }];
    const decisions = focuses.map((f, i) => decide(f, clauses, askingClauses[i]));
    // A question joined to the one before it that only repeats that one's entry is read again with the sentence the
    // earlier questions went with: two questions in a row ask two things.
    decisions.forEach((d, i) => {
      const own = askingClauses[i];
      if (i === 0 || !own || focuses[i] === own || d.verdict.kind !== 'entry') return;
      const entry = d.verdict.entry;
      if (!decisions.slice(0, i).some((e) => e.verdict.kind === 'entry' && e.verdict.entry === entry)) return;
      const again = withContext(own, clauses, true);
      if (again === own) return;
      const other = decide(again, clauses, own);
      if (other.verdict.kind === 'entry') {
        focuses[i] = again;
        decisions[i] = other;
      }
    });
    trace.decisions = decisions.map((d, i) => ({
      clause: focuses[i]!.text,
      verdict:
        d.verdict.kind === 'entry'
          ? `entry ${d.verdict.entry.id}`
          : d.verdict.kind === 'topic'
            ? `topic ${d.verdict.topic.id}`
            : d.verdict.kind === 'other-cause'
              ? `another cause: ${d.verdict.cause}`
              : 'none',
      foreign: d.foreign,
    }));

    const answered: Array<{ entry: FaqEntry; evidence: number; decision: Decision }> = [];
    for (const d of decisions) {
      if (d.verdict.kind === 'entry' && !answered.some((a) => a.entry.id === (d.verdict as { entry: FaqEntry }).entry.id)) {
        answered.push({ entry: d.verdict.entry, evidence: d.verdict.evidence, decision: d });
      }
    }
    const strongest = [...answered].sort((a, b) => b.evidence - a.evidence);
    const lead = strongest[0];
    const shown = lead?.decision ?? [...decisions].sort((a, b) => (b.entries[0]?.evidence ?? 0) - (a.entries[0]?.evidence ?? 0))[0]!;
    trace.ranked = shown.ranked.map((r) => ({
      id: idOf(r.scored.item),
      kind: r.scored.item.kind,
      score: r.evidence,
      evidence: r.scored.score,
      nearest: r.scored.nearest,
      shared: r.scored.shared,
    }));
    const suggestionsFrom = (list: Ranked[], floor: number): FaqEntry[] =>
      list
        .filter((r) => r.evidence >= floor)
        .slice(0, maxSuggestions)
        .map((r) => entryOf(r)!);

    if (!lead) {
      const topicVerdict = decisions.find((d) => d.verdict.kind === 'topic')?.verdict;
      const otherCause = decisions.some((d) => d.verdict.kind === 'other-cause');
      const bestEvidence = shown.entries[0]?.evidence ?? 0;
      trace.result =
        topicVerdict?.kind === 'topic'
          ? { kind: 'decline', reason: 'out-of-scope', confidence: Math.min(0.49, bestEvidence / (minEvidence * 2)), suggestions: [], outOfScopeId: topicVerdict.topic.id, normalized }
          : otherCause
            ? { kind: 'decline', reason: 'out-of-scope', confidence: Math.min(0.49, bestEvidence / (minEvidence * 2)), suggestions: [], normalized }
            : {
              kind: 'decline',
              reason: 'low-confidence',
              confidence: Math.min(0.49, bestEvidence / (minEvidence * 2)),
              suggestions: suggestionsFrom(shown.entries, minEvidence * 0.5),
              normalized,
            };
      return trace;
    }
    const runnerUp = lead.decision.entries.find((r) => entryOf(r)!.id !== lead.entry.id)?.evidence ?? 0;
    // Confidence grows with the evidence and with the lead over the next entry.
    const confidence = Math.min(1, 0.5 + 0.5 * Math.min(1, lead.evidence / (minEvidence * 3)) * (1 - runnerUp / (lead.evidence * 2)));
    // Where another question of the same message is about something the pack does not cover, the message is
    // probably about that too ("which practitioner? what qualifications?"): an entry must then be a clear winner.
    const topicElsewhere = decisions.find((d) => d.verdict.kind === 'topic')?.verdict;
    if (topicElsewhere?.kind === 'topic' && confidence < MIXED_MIN_CONFIDENCE) {
      trace.result = { kind: 'decline', reason: 'out-of-scope', confidence: Math.min(0.49, confidence / 2), suggestions: [], outOfScopeId: topicElsewhere.topic.id, normalized };
      return trace;
    }
    const also = answered.filter((a) => a !== lead).slice(0, maxAnswers - 1).map((a) => a.entry);
    trace.result = {
      kind: 'answer',
      entry: lead.entry,
      ...(also.length > 0 ? { also } : {}),
      confidence,
      suggestions: suggestionsFrom(
        lead.decision.entries.filter((r) => !answered.some((a) => a.entry.id === entryOf(r)!.id)),
        lead.evidence * suggestionShare,
      ),
      normalized,
    };
    return trace;
  }

  return {
    match: (question) => explain(question).result,
    explain,
  };
}
