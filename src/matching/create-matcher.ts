import type { FaqEntry, Knowledge, OutOfScopeTopic } from '../knowledge/knowledge-schema';
import { conceptOf, concepts, singular } from './analyze';
import { CONCEPT_GROUPS } from './concepts';
import type { Matcher, MatchResult } from './match-result';
import { normalize } from './normalize';
import { SLANG, TYPOS } from './normalize-maps';
import { compileOutOfScopeTerms } from './out-of-scope-terms';
import {
  computeIdf,
  createOverlapIndex,
  DEFAULT_UNMATCHED_PENALTY,
  type OverlapDoc,
  type Scored,
  vocabularyOf,
  type WordClasses,
} from './overlap-index';
import { compileRedFlags } from './red-flags';
import { createSpellingCorrector } from './spelling-corrector';
import { COMMON_WORDS, GENERIC_WORDS, STOPWORDS } from './word-lists';

export interface MatcherOptions {
  /** Below this confidence the matcher declines instead of answering. */
  threshold?: number;
  /** Other entries within this distance of the best one are offered as "did you mean". */
  suggestionGap?: number;
  maxSuggestions?: number;
  /** How much question words an entry lacks count against it (0..1). */
  unmatchedPenalty?: number;
}

const DEFAULTS: Required<MatcherOptions> = {
  threshold: 0.42,
  suggestionGap: 0.08,
  maxSuggestions: 3,
  unmatchedPenalty: DEFAULT_UNMATCHED_PENALTY,
};

const HAS_WORD = /[a-z0-9]/;
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
  const generic = new Set([...GENERIC_WORDS].map(conceptOf).filter((c) => !topics.has(c)));
  const common = new Set([...COMMON_WORDS].map(conceptOf).filter((c) => !topics.has(c) && !generic.has(c)));
  return { generic, common };
}

/** Builds every index once; match() is then pure, synchronous and allocation-light. */
export function createMatcher(knowledge: Knowledge, options: MatcherOptions = {}): Matcher {
  const { threshold, suggestionGap, maxSuggestions, unmatchedPenalty } = { ...DEFAULTS, ...options };
  const vocabulary = vocabularyWords(knowledge);
  const known = new Set([...vocabulary, ...STOPWORDS, ...GENERIC_WORDS, ...COMMON_WORDS]);
  const correct = createSpellingCorrector(vocabulary, known);
  const redFlag = compileRedFlags(knowledge.redFlags);
  const outOfScopeTerm = compileOutOfScopeTerms(knowledge.outOfScope);

  const faqDocs = knowledge.entries.map(faqDoc);
  const topicDocs = knowledge.outOfScope.map(topicDoc);
  const idf = computeIdf([...faqDocs, ...topicDocs].map(vocabularyOf), wordClasses());
  const faqIndex = createOverlapIndex(faqDocs, idf, unmatchedPenalty);
  const faqVocabulary = new Set(faqDocs.flatMap((d) => [...vocabularyOf(d), ...(d.answerWords ?? [])]));
  const topicVocabulary = new Map(topicDocs.map((d) => [d.item, vocabularyOf(d)]));
  const topicIndex = createOverlapIndex(topicDocs, idf, unmatchedPenalty);

  const close = (ranked: Scored<FaqEntry>[], floor: number): FaqEntry[] =>
    ranked
      .filter((r) => r.score >= floor)
      .slice(0, maxSuggestions)
      .map((r) => r.item);

  return {
    match(question: string): MatchResult {
      const normalized = normalize(question);
      if (!HAS_WORD.test(normalized)) {
        return { kind: 'decline', reason: 'empty', confidence: 0, suggestions: [], normalized };
      }
      const corrected = words(normalized).map(correct);
      const correctedText = corrected.join(' ');

      // Warning signs come before everything else, whatever else the question says.
      const rule = redFlag(correctedText === normalized ? [normalized] : [normalized, correctedText]);
      if (rule) return { kind: 'escalation', rule, confidence: 1, normalized };

      const questionConcepts = concepts(correctedText);
      const ranked = faqIndex.score(questionConcepts);
      const best = ranked[0];
      const bestScore = best?.score ?? 0;

      const topic = outOfScopeTerm(corrected.map(singular));
      // A topic can only win on nearness through a word of its own that the FAQ never uses ("coffee"):
      // sharing "after microneedling" with a topic's example says nothing.
      const foreign = questionConcepts.filter((c) => !faqVocabulary.has(c));
      const nearestTopic =
        topic || foreign.length === 0
          ? undefined
          : topicIndex.score(questionConcepts).find((t) => foreign.some((c) => topicVocabulary.get(t.item)?.has(c)));
      if (topic || (nearestTopic && nearestTopic.score > bestScore)) {
        return {
          kind: 'decline',
          reason: 'out-of-scope',
          confidence: bestScore,
          suggestions: [],
          outOfScopeId: (topic ?? nearestTopic?.item)?.id,
          normalized,
        };
      }
      if (!best || bestScore < threshold) {
        return {
          kind: 'decline',
          reason: 'low-confidence',
          confidence: bestScore,
          suggestions: close(ranked, threshold * 0.6),
          normalized,
        };
      }
      return {
        kind: 'answer',
        entry: best.item,
        confidence: Math.min(1, bestScore),
        suggestions: close(ranked.slice(1), Math.max(threshold, bestScore - suggestionGap)),
        normalized,
      };
    },
  };
}
