import type { FaqEntry, Knowledge, OutOfScopeTopic } from '../knowledge/knowledge-schema';
import { type ClassDoc, createConceptIndex, type Scored } from './concept-index';
import { foldText, sentencesOf } from './fold-text';
import { compileLexicon } from './lexicon';
import type { Matcher, MatchResult } from './match-result';
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
}

const DEFAULTS: Required<MatcherOptions> = {
  minEvidence: 1.1,
  suggestionShare: 0.8,
  maxSuggestions: 3,
  maxAnswers: 3,
};

/** How much a sentence that asks nothing (backstory) counts beside one that asks. */
const BACKSTORY_WEIGHT = 0.35;
/** How much everyday and context concepts ("day", "face", "microneedling") count beside topic concepts. */
const EVERYDAY_WEIGHT = 0.3;
/** An out-of-scope term in a sentence that asks is strong evidence for its topic. */
const TERM_EVIDENCE = 2.2;
/** Nearest-phrasing similarity adds up to this much evidence ("is bleeding normal" is an alternate word for word). */
const NEAREST_WEIGHT = 1.5;
/** Candidates scored in full per question. */
const CANDIDATES = 12;
/** A concept anchors an answer when at least this share of the entry's phrasings use it. */
const ANCHOR_SHARE = 0.08;
const HAS_WORD = /[a-z0-9]/;
const NUMBER = /^\d+$/;

type ClassItem = { kind: 'entry'; entry: FaqEntry } | { kind: 'topic'; topic: OutOfScopeTopic };

export interface SentenceTrace {
  text: string;
  asked: boolean;
  concepts: string[];
}

/** Everything the matcher worked out about a question, for `--explain` and tests. */
export interface MatchTrace {
  folded: string;
  sentences: SentenceTrace[];
  redFlag: RedFlagHit | null;
  concepts: string[];
  weights: number[];
  /** Out-of-scope terms found in the sentences that ask (comparisons left out). */
  termHits: TermHit[];
  ranked: Array<{ id: string; kind: 'entry' | 'topic'; score: number; evidence: number; nearest: number; shared: string[] }>;
  result: MatchResult;
}

export interface ExplainingMatcher extends Matcher {
  explain(question: string): MatchTrace;
}

const idOf = (item: ClassItem): string => (item.kind === 'entry' ? item.entry.id : item.topic.id);

/** Builds every index once; match() is then pure and synchronous. */
export function createMatcher(knowledge: Knowledge, options: MatcherOptions = {}): ExplainingMatcher {
  const { minEvidence, suggestionShare, maxSuggestions, maxAnswers } = { ...DEFAULTS, ...options };
  const lex = compileLexicon(knowledge.lexicon);
  const questionOpeners = new Set(knowledge.lexicon.questionOpeners);
  const comparisonWords = new Set(knowledge.lexicon.comparisonWords);
  const redFlag = compileRedFlags(knowledge);

  /** A folded sentence as words, with rewrites, slang, misspellings and concept phrases applied. */
  const wordsOf = (text: string): string[] => lex.joinPhrases(lex.expand(text)).split(' ').filter((w) => w.length > 0);
  const packTexts = [
    ...knowledge.entries.flatMap((e) => [e.question, ...e.alternates, e.answer, ...e.tags]),
    ...knowledge.outOfScope.flatMap((t) => [...t.terms, ...t.examples]),
    ...Object.values(knowledge.phrasings).flat(),
  ];
  const vocabulary = [...packTexts.flatMap((t) => wordsOf(foldText(t))), ...lex.words];
  const correct = createSpellingCorrector(vocabulary, lex.known, { stem: lex.conceptOf });

  const conceptsOfWords = (words: readonly string[], text: string): string[] => {
    const out = new Set<string>();
    for (const word of words) {
      if (lex.isStopword(word) || NUMBER.test(word)) continue;
      const concept = lex.conceptOf(correct(word));
      if (!lex.isStopword(concept)) out.add(concept);
    }
    for (const intent of lex.intentsOf(text)) out.add(intent);
    return [...out];
  };
  const conceptsOfText = (text: string): string[] => {
    const folded = foldText(text).replace(/[.?!;\n]/g, ' ');
    const words = wordsOf(folded);
    return conceptsOfWords(words, words.join(' '));
  };

  // Entries learn from their question, alternates and labelled real questions; topics from their examples,
  // terms and labelled questions. Topics compete with entries as classes: "out of scope" is evidence.
  const items: ClassItem[] = [
    ...knowledge.entries.map((entry) => ({ kind: 'entry' as const, entry })),
    ...knowledge.outOfScope.map((topic) => ({ kind: 'topic' as const, topic })),
  ];
  const labelled = (id: string): string[] => (Object.hasOwn(knowledge.phrasings, id) ? knowledge.phrasings[id]! : []);
  const docs: ClassDoc<ClassItem>[] = items.map((item) => ({
    item,
    phrasings: (item.kind === 'entry'
      ? [item.entry.question, ...item.entry.alternates, ...labelled(item.entry.id)]
      : [...item.topic.examples, ...item.topic.terms.map((t) => t.replace(/\.\.\./g, ' ')), ...labelled(item.topic.id)]
    ).map(conceptsOfText),
  }));
  const index = createConceptIndex(docs);

  // A term that an entry's own phrasings use is not a sign of another topic: the entry must stay reachable.
  const entryGrams = new Set<string>();
  for (const entry of knowledge.entries) {
    for (const text of [entry.question, ...entry.alternates]) {
      const words = wordsOf(foldText(text).replace(/[.?!;\n]/g, ' ')).map(singular);
      for (let i = 0; i < words.length; i++) for (let n = 1; n <= 4 && i + n <= words.length; n++) entryGrams.add(words.slice(i, i + n).join(' '));
    }
  }
  const termWords = (term: string): string[] => wordsOf(foldText(term).replace(/[.?!;\n]/g, ' '));
  const termHitsOf = compileTermHits(knowledge.outOfScope, termWords, (term) =>
    term.includes('...') ? false : entryGrams.has(termWords(term).map(singular).join(' ')),
  );

  const isComparison = (words: readonly string[], at: number): boolean => {
    for (let k = Math.max(0, at - 3); k < at; k++) if (comparisonWords.has(words[k]!)) return true;
    return false;
  };

  function weigh(sentences: SentenceTrace[]): { concepts: string[]; weights: number[] } {
    const anyAsked = sentences.some((s) => s.asked);
    const weightOf = new Map<string, number>();
    for (const s of sentences) {
      const sentenceWeight = s.asked || !anyAsked ? 1 : BACKSTORY_WEIGHT;
      for (const c of s.concepts) {
        const w = sentenceWeight * (lex.classOf(c) === 'topic' ? 1 : EVERYDAY_WEIGHT);
        weightOf.set(c, Math.max(weightOf.get(c) ?? 0, w));
      }
    }
    return { concepts: [...weightOf.keys()], weights: [...weightOf.values()] };
  }

  interface Ranked {
    scored: Scored<ClassItem>;
    evidence: number;
  }

  function rank(sentences: SentenceTrace[], hits: readonly TermHit[]): { ranked: Ranked[]; concepts: string[]; weights: number[] } {
    const { concepts, weights } = weigh(sentences);
    const scored = index.score(concepts, weights, CANDIDATES);
    const byTopic = new Map<string, number>();
    for (const hit of hits) byTopic.set(hit.topic.id, TERM_EVIDENCE);
    const ranked = scored.map((s) => ({
      scored: s,
      evidence: s.score + NEAREST_WEIGHT * s.nearest ** 2 + (s.item.kind === 'topic' ? (byTopic.get(s.item.topic.id) ?? 0) : 0),
    }));
    // A topic named by a term counts even when its other words did not make the candidates.
    for (const hit of hits) {
      if (ranked.some((r) => r.scored.item.kind === 'topic' && r.scored.item.topic.id === hit.topic.id)) continue;
      const k = items.findIndex((i) => i.kind === 'topic' && i.topic.id === hit.topic.id);
      ranked.push({ scored: { item: items[k]!, index: k, score: 0, nearest: 0, shared: [] }, evidence: TERM_EVIDENCE });
    }
    ranked.sort((a, b) => b.evidence - a.evidence);
    return { ranked, concepts, weights };
  }

  /** An entry can answer only through a concept central to it (not a passing "doctor" or "day"). */
  const anchored = (r: Ranked): boolean =>
    r.scored.shared.some((c) => lex.classOf(c) === 'topic' && index.share(r.scored.index, c) >= ANCHOR_SHARE) || r.scored.nearest >= 0.9;

  const entryOf = (r: Ranked): FaqEntry | null => (r.scored.item.kind === 'entry' ? r.scored.item.entry : null);

  function explain(question: string): MatchTrace {
    const folded = foldText(question);
    const trace: MatchTrace = {
      folded,
      sentences: [],
      redFlag: null,
      concepts: [],
      weights: [],
      termHits: [],
      ranked: [],
      result: { kind: 'decline', reason: 'empty', confidence: 0, suggestions: [], normalized: '' },
    };
    if (!HAS_WORD.test(folded)) return trace;

    const raw = sentencesOf(folded);
    const expanded = raw.map((s) => lex.expand(s.text));
    const wordsPer = expanded.map((t) => lex.joinPhrases(t).split(' ').filter((w) => w.length > 0));
    const normalized = expanded.join(' ');

    // Warning signs come first, over the whole message, whatever else it says. Spelling corrections are
    // trusted for warning words only when they are one slip away ("infecton" -> "infection").
    const corrected = wordsPer.map((words) =>
      words.map((w) => {
        const c = correct(w);
        return c === w || editDistance(w, c, 1) <= 1 ? c : w;
      }).join(' '),
    );
    const whole = corrected.join(' ');
    const hit = redFlag({ whole: whole === normalized ? [normalized] : [normalized, whole], sentences: [...expanded, ...corrected] });
    if (hit) {
      trace.redFlag = hit;
      trace.result = { kind: 'escalation', rule: hit.rule, confidence: 1, normalized };
      return trace;
    }

    const sentences: SentenceTrace[] = raw.map((s, i) => ({
      text: expanded[i]!,
      asked: s.asked || questionOpeners.has(wordsPer[i]![0] ?? ''),
      concepts: conceptsOfWords(wordsPer[i]!, wordsPer[i]!.join(' ')),
    }));
    trace.sentences = sentences;
    const anyAsked = sentences.some((s) => s.asked);
    const hits = sentences.flatMap((s, i) => {
      if (anyAsked && !s.asked) return [];
      const words = wordsPer[i]!.map(singular);
      return termHitsOf(words).filter((h) => !isComparison(words, h.start));
    });
    trace.termHits = hits;

    const { ranked, concepts, weights } = rank(sentences, hits);
    Object.assign(trace, { concepts, weights });
    trace.ranked = ranked.map((r) => ({
      id: idOf(r.scored.item),
      kind: r.scored.item.kind,
      score: r.evidence,
      evidence: r.scored.score,
      nearest: r.scored.nearest,
      shared: r.scored.shared,
    }));

    const entries = ranked.filter((r) => entryOf(r) !== null && anchored(r));
    const best = entries[0];
    const topTopic = ranked.find((r) => r.scored.item.kind === 'topic');
    const bestEvidence = best?.evidence ?? 0;
    const suggestionsFrom = (list: Ranked[], floor: number): FaqEntry[] =>
      list
        .filter((r) => r.evidence >= floor)
        .slice(0, maxSuggestions)
        .map((r) => entryOf(r)!);

    if (topTopic && topTopic.evidence >= bestEvidence && topTopic.evidence > 0) {
      const topic = topTopic.scored.item.kind === 'topic' ? topTopic.scored.item.topic : null;
      trace.result = {
        kind: 'decline',
        reason: 'out-of-scope',
        confidence: Math.min(1, bestEvidence / (minEvidence * 2)),
        suggestions: [],
        ...(topic ? { outOfScopeId: topic.id } : {}),
        normalized,
      };
      return trace;
    }
    if (!best || bestEvidence < minEvidence) {
      trace.result = {
        kind: 'decline',
        reason: 'low-confidence',
        confidence: Math.min(bestEvidence / (minEvidence * 2), 0.49),
        suggestions: suggestionsFrom(entries, minEvidence * 0.5),
        normalized,
      };
      return trace;
    }
    const runnerUp = entries[1]?.evidence ?? 0;
    // Confidence grows with the evidence and with the lead over the next entry.
    const confidence = Math.min(1, 0.5 + 0.5 * Math.min(1, bestEvidence / (minEvidence * 3)) * (1 - runnerUp / (bestEvidence * 2)));
    trace.result = {
      kind: 'answer',
      entry: entryOf(best)!,
      also: alsoAsked(sentences, wordsPer, entryOf(best)!),
      confidence,
      suggestions: suggestionsFrom(entries.slice(1), bestEvidence * suggestionShare),
      normalized,
    };
    return trace;
  }

  /** A message asking several covered questions gets each answered: the other asking sentences' own best entries. */
  function alsoAsked(sentences: SentenceTrace[], wordsPer: string[][], primary: FaqEntry): FaqEntry[] {
    const asked = sentences.filter((s) => s.asked);
    if (asked.length < 2) return [];
    const found: FaqEntry[] = [];
    sentences.forEach((s, i) => {
      if (!s.asked || found.length >= maxAnswers - 1) return;
      const words = wordsPer[i]!.map(singular);
      const hits = termHitsOf(words).filter((h) => !isComparison(words, h.start));
      const { ranked } = rank([{ ...s, asked: true }], hits);
      const top = ranked[0];
      const entry = top ? entryOf(top) : null;
      if (!top || !entry || !anchored(top) || top.evidence < minEvidence * 1.3) return;
      if (entry.id !== primary.id && !found.some((f) => f.id === entry.id)) found.push(entry);
    });
    return found;
  }

  return {
    match: (question) => explain(question).result,
    explain,
  };
}
