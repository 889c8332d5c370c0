import type { FaqEntry, Knowledge, OutOfScopeTopic, RedFlagRule } from '../knowledge/knowledge-schema';
import { conceptOf, concepts, singular } from './analyze';
import { CONCEPT_GROUPS, CONTEXT_CONCEPTS } from './concepts';
import type { Matcher, MatchResult } from './match-result';
import { normalize } from './normalize';
import { SLANG, TYPOS } from './normalize-maps';
import { comparisonSpans, compileOutOfScopeTermHits, describesAppearance, otherCauseAt, type TermHit } from './out-of-scope-terms';
import {
  ANCHOR_WEIGHT,
  computeIdf,
  createOverlapIndex,
  DEFAULT_UNMATCHED_PENALTY,
  type OverlapDoc,
  type Scored,
  salienceOf,
  vocabularyOf,
  type WordClasses,
} from './overlap-index';
import { compileRedFlags } from './red-flags';
import { createSpellingCorrector, editDistance } from './spelling-corrector';
import { COMMON_WORDS, GENERIC_WORDS, STOPWORDS } from './word-lists';

export interface MatcherOptions {
  /** Below this confidence the matcher declines instead of answering. */
  threshold?: number;
  /** Other entries within this distance of the best one are offered as "did you mean". */
  suggestionGap?: number;
  maxSuggestions?: number;
  /** How much question words an entry lacks count against it (0..1). */
  unmatchedPenalty?: number;
  /**
   * Share of an entry's phrasings a shared concept must appear in to anchor an answer: a question must
   * share at least one such concept with the entry it gets ("doctor" alone does not make a question about
   * blood thinners).
   */
  anchorSalience?: number;
}

const DEFAULTS: Required<MatcherOptions> = {
  threshold: 0.42,
  suggestionGap: 0.08,
  maxSuggestions: 3,
  unmatchedPenalty: DEFAULT_UNMATCHED_PENALTY,
  anchorSalience: 0.08,
};

/** Everything the matcher worked out about a question, for `explain` (debugging and tests). */
export interface MatchTrace {
  normalized: string;
  /** Words after spelling correction. */
  corrected: string[];
  redFlag: RedFlagRule | null;
  /** The out-of-scope term that decided, if any. */
  outOfScopeTerm: TermHit | null;
  /** Out-of-scope terms passed over because they are only the yardstick of a comparison. */
  comparedTerms: TermHit[];
  /** A cause other than the treatment that the question names for its symptom ("nervous"), if any. */
  otherCause: string | null;
  concepts: string[];
  weights: number[];
  ranked: Scored<FaqEntry>[];
  /** The concepts of the question that anchor the best entry (central to it and not everyday). */
  anchors: string[];
  nearestTopic: Scored<OutOfScopeTopic> | null;
  result: MatchResult;
}

export interface ExplainingMatcher extends Matcher {
  explain(question: string): MatchTrace;
}

const HAS_WORD = /[a-z0-9]/;
/**
 * Red flags see a spelling correction only when it is one slip away ("infecton" -> "infection") or only
 * the ending differs ("infectd" -> "infection"): other corrections are as likely other words
 * ("inspection", "intention", "injections") as typos, and a warning sign must not be read into them.
 * Other two-slip typos of warning signs belong in TYPOS.
 */
const MAX_RED_FLAG_EDITS = 1;
const RED_FLAG_SHARED_START = 5;
const sharedStart = (a: string, b: string): number => {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
};
const trustedForRedFlags = (raw: string, corrected: string): boolean =>
  corrected === raw ||
  editDistance(raw, corrected, MAX_RED_FLAG_EDITS) <= MAX_RED_FLAG_EDITS ||
  sharedStart(raw, corrected) >= RED_FLAG_SHARED_START;
/** Words weighing this or less (everyday words such as "after", "help") need no explaining. */
const GENERIC_CEILING = 1;
const words = (text: string): string[] => text.split(' ').filter((w) => w.length > 0);

function faqDoc(entry: FaqEntry): OverlapDoc<FaqEntry> {
  return {
    item: entry,
    phrasings: [entry.question, ...entry.alternates].map((t) => concepts(normalize(t))),
    extras: entry.tags.flatMap((t) => concepts(normalize(t))),
    answerWords: concepts(normalize(entry.answer)),
  };
}

function topicDoc(topic: OutOfScopeTopic): OverlapDoc<OutOfScopeTopic> {
  return {
    item: topic,
    phrasings: topic.examples.map((t) => concepts(normalize(t))),
    // Terms are left out: they decide by themselves, and their words ("results last") would blur the topic.
    extras: concepts(normalize(topic.description)),
  };
}

/** Every word the pack uses: what the spelling corrector may correct towards. */
function vocabularyWords(knowledge: Knowledge): string[] {
  const texts = [
    ...knowledge.entries.flatMap((e) => [e.question, ...e.alternates, e.answer, ...e.tags]),
    ...knowledge.outOfScope.flatMap((t) => [...t.terms, ...t.examples]),
    ...Object.values(CONCEPT_GROUPS).flat(),
    ...Object.values(SLANG),
    ...Object.values(TYPOS),
  ];
  const fromRules = knowledge.redFlags.flatMap((r) => r.patterns.flatMap((p) => p.toLowerCase().match(/[a-z]{4,}/g) ?? []));
  return [...texts.flatMap((t) => words(normalize(t))), ...fromRules];
}

/** Everyday words, minus the topic concepts ("dry" and "hurt" are topics, "help" and "office" are not). */
function wordClasses(): WordClasses {
  const topics = new Set(Object.keys(CONCEPT_GROUPS));
  const generic = new Set([...[...GENERIC_WORDS].map(conceptOf).filter((c) => !topics.has(c)), ...CONTEXT_CONCEPTS]);
  const common = new Set([...COMMON_WORDS].map(conceptOf).filter((c) => !topics.has(c) && !generic.has(c)));
  return { generic, common };
}

/**
 * The question's words that say what it is about: comparisons with something else ("hurt more than a
 * tattoo") are dropped, with the out-of-scope terms inside them; the first term outside any comparison
 * decides the question.
 */
function splitTerms(corrected: readonly string[], hits: readonly TermHit[], isForeign: (word: string) => boolean) {
  const spans = comparisonSpans(corrected, hits, isForeign);
  const inSpan = (i: number): boolean => spans.some(([a, b]) => i >= a && i < b);
  const deciding = hits.find((h) => !inSpan(h.start) && !describesAppearance(corrected, h.start)) ?? null;
  const compared = hits.filter((h) => inSpan(h.start));
  const kept = corrected.filter((_, i) => !inSpan(i));
  return { deciding, compared, kept, comparing: spans.length > 0 };
}

/** Builds every index once; match() is then pure, synchronous and allocation-light. */
export function createMatcher(knowledge: Knowledge, options: MatcherOptions = {}): ExplainingMatcher {
  const { threshold, suggestionGap, maxSuggestions, unmatchedPenalty, anchorSalience } = { ...DEFAULTS, ...options };
  const vocabulary = vocabularyWords(knowledge);
  const known = new Set([...vocabulary, ...STOPWORDS, ...GENERIC_WORDS, ...COMMON_WORDS]);
  const correct = createSpellingCorrector(vocabulary, known);
  const redFlag = compileRedFlags(knowledge.redFlags);
  const termHits = compileOutOfScopeTermHits(knowledge.outOfScope);

  const faqDocs = knowledge.entries.map(faqDoc);
  const topicDocs = knowledge.outOfScope.map(topicDoc);
  const classes = wordClasses();
  const idf = computeIdf([...faqDocs, ...topicDocs].map(vocabularyOf), classes);
  // Everyday words are never fuzzy-matched against phrasings: "wedding" is a word, not a typo.
  const isEverydayConcept = (c: string): boolean => classes.generic.has(c) || classes.common.has(c);
  const faqIndex = createOverlapIndex(faqDocs, idf, unmatchedPenalty, isEverydayConcept);
  const faqVocabulary = new Set(faqDocs.flatMap((d) => [...vocabularyOf(d), ...(d.answerWords ?? [])]));
  const topicVocabulary = new Map(topicDocs.map((d) => [d.item, vocabularyOf(d)]));
  const topicIndex = createOverlapIndex(topicDocs, idf, unmatchedPenalty, isEverydayConcept);
  const salience = faqDocs.map(salienceOf);
  const mainConcepts = faqDocs.map((d) => new Set(d.phrasings[0]));
  const everyday = new Set([...STOPWORDS, ...GENERIC_WORDS, ...COMMON_WORDS]);
  /** A word neither the FAQ nor everyday English uses ("tattoo", "eyebrows"): it is about something else. */
  const isForeignWord = (word: string): boolean => !everyday.has(word) && !/^\d+$/.test(word) && !faqVocabulary.has(conceptOf(word));

  const close = (ranked: Scored<FaqEntry>[], floor: number): FaqEntry[] =>
    ranked
      .filter((r) => r.score >= floor)
      .slice(0, maxSuggestions)
      .map((r) => r.item);

  /** The shared concepts central to an entry: in its main question or in enough of its phrasings, and not everyday. */
  const anchorsOf = (s: Scored<FaqEntry>): string[] =>
    s.shared.filter(
      (c) => idf(c) >= ANCHOR_WEIGHT && ((salience[s.index]!.get(c) ?? 0) >= anchorSalience || mainConcepts[s.index]!.has(c)),
    );

  function explain(question: string): MatchTrace {
    const normalized = normalize(question);
    const trace: MatchTrace = {
      normalized,
      corrected: [],
      redFlag: null,
      outOfScopeTerm: null,
      comparedTerms: [],
      otherCause: null,
      concepts: [],
      weights: [],
      ranked: [],
      anchors: [],
      nearestTopic: null,
      result: { kind: 'decline', reason: 'empty', confidence: 0, suggestions: [], normalized },
    };
    if (!HAS_WORD.test(normalized)) return trace;
    const raw = words(normalized);
    const corrected = raw.map(correct);
    trace.corrected = corrected;
    const flagText = corrected.map((c, i) => (trustedForRedFlags(raw[i]!, c) ? c : raw[i]!)).join(' ');

    // Warning signs come before everything else, whatever else the question says.
    const rule = redFlag(flagText === normalized ? [normalized] : [normalized, flagText]);
    if (rule) {
      trace.redFlag = rule;
      trace.result = { kind: 'escalation', rule, confidence: 1, normalized };
      return trace;
    }

    const { deciding, compared, kept, comparing } = splitTerms(corrected, termHits(corrected.map(singular)), isForeignWord);
    trace.comparedTerms = compared;
    const questionConcepts = concepts(kept.join(' '));
    const weights = questionConcepts.map(idf);
    const ranked = faqIndex.score(questionConcepts, weights);
    // An entry can answer when the question shares a concept central to it, or when every word of the
    // question that says anything is explained by it ("is the appointment long").
    const eligible = (s: Scored<FaqEntry>): boolean =>
      anchorsOf(s).length > 0 ||
      (!comparing &&
        s.shared.some((c) => !classes.common.has(c) && !classes.generic.has(c)) &&
        questionConcepts.every((c, i) => weights[i]! <= GENERIC_CEILING || s.shared.includes(c)));
    const best = ranked.find(eligible) ?? ranked[0];
    const bestScore = best?.score ?? 0;
    Object.assign(trace, { concepts: questionConcepts, weights, ranked });

    const declineOutOfScope = (topic: OutOfScopeTopic): MatchTrace => {
      trace.result = { kind: 'decline', reason: 'out-of-scope', confidence: bestScore, suggestions: [], outOfScopeId: topic.id, normalized };
      return trace;
    };
    if (deciding) {
      trace.outOfScopeTerm = deciding;
      return declineOutOfScope(deciding.topic);
    }
    // "my face is dry because of the heating": the symptom is ours, its cause is not.
    const cause = otherCauseAt(kept, isForeignWord);
    if (cause >= 0) {
      trace.otherCause = kept[cause]!;
      trace.result = { kind: 'decline', reason: 'out-of-scope', confidence: bestScore, suggestions: [], normalized };
      return trace;
    }
    // A topic can only win on nearness through a word of its own that the FAQ never uses ("coffee"):
    // sharing "after microneedling" with a topic's example says nothing.
    const foreign = questionConcepts.filter((c) => !faqVocabulary.has(c));
    const nearestTopic =
      foreign.length === 0
        ? undefined
        : topicIndex.score(questionConcepts, weights).find((t) => foreign.some((c) => topicVocabulary.get(t.item)?.has(c)));
    trace.nearestTopic = nearestTopic ?? null;
    if (nearestTopic && nearestTopic.score > bestScore) return declineOutOfScope(nearestTopic.item);

    trace.anchors = best ? anchorsOf(best) : [];
    if (!best || bestScore < threshold || !eligible(best)) {
      trace.result = {
        kind: 'decline',
        reason: 'low-confidence',
        confidence: Math.min(bestScore, threshold * 0.99),
        suggestions: close(ranked.filter(eligible), threshold * 0.6),
        normalized,
      };
      return trace;
    }
    trace.result = {
      kind: 'answer',
      entry: best.item,
      confidence: Math.min(1, bestScore),
      suggestions: close(
        ranked.filter((r) => r !== best && eligible(r)),
        Math.max(threshold, bestScore - suggestionGap),
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
