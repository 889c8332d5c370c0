import type { OutOfScopeTopic } from '../knowledge/knowledge-schema';
import { singular } from './analyze';
import { normalize } from './normalize';

export type OutOfScopeTermCheck = (questionWords: readonly string[]) => OutOfScopeTopic | null;

/** In a term, "..." stands for up to this many words: "results ... last" hits "results of it last". */
export const TERM_GAP_WORDS = 3;

/** One place where a topic's term occurs in a question: words [start, end). */
export interface TermHit {
  topic: OutOfScopeTopic;
  start: number;
  end: number;
}

interface CompiledTerm {
  topic: OutOfScopeTopic;
  /** Word sequences that must follow each other, at most TERM_GAP_WORDS apart. */
  parts: string[][];
}

function startsAt(words: readonly string[], at: number, seq: readonly string[]): boolean {
  return seq.every((s, j) => words[at + j] === s);
}

/** Where the rest of the term ends when its first part starts at `at`, or -1. */
function matchFrom(words: readonly string[], at: number, parts: readonly string[][]): number {
  let end = at + parts[0]!.length;
  for (const part of parts.slice(1)) {
    let found = -1;
    for (let k = end; k <= end + TERM_GAP_WORDS && k < words.length; k++) {
      if (startsAt(words, k, part)) {
        found = k + part.length;
        break;
      }
    }
    if (found < 0) return -1;
    end = found;
  }
  return end;
}

/**
 * Finds every place a topic's term is present in the question as a whole-word sequence (plurals folded),
 * so "chemical peels" hits "chemical peel" while a lone "peel" does not. Words are expected singular
 * (see `singular`). Hits come in question order.
 */
export function compileOutOfScopeTermHits(topics: readonly OutOfScopeTopic[]): (questionWords: readonly string[]) => TermHit[] {
  // Indexed by first word so a question only checks the terms that can start at each of its words.
  const byFirst = new Map<string, CompiledTerm[]>();
  for (const topic of topics) {
    for (const term of topic.terms) {
      const parts = term
        .split('...')
        .map((p) => normalize(p).split(' ').filter(Boolean).map(singular))
        .filter((p) => p.length > 0);
      if (parts.length === 0) continue;
      const first = parts[0]![0]!;
      byFirst.set(first, [...(byFirst.get(first) ?? []), { topic, parts }]);
    }
  }
  return (questionWords) => {
    const hits: TermHit[] = [];
    for (let i = 0; i < questionWords.length; i++) {
      for (const { topic, parts } of byFirst.get(questionWords[i]!) ?? []) {
        if (!startsAt(questionWords, i, parts[0]!)) continue;
        const end = matchFrom(questionWords, i, parts);
        if (end >= 0) hits.push({ topic, start: i, end });
      }
    }
    return hits;
  };
}

/** The first topic whose term occurs in the question, or null. */
export function compileOutOfScopeTerms(topics: readonly OutOfScopeTopic[]): OutOfScopeTermCheck {
  const hitsOf = compileOutOfScopeTermHits(topics);
  return (questionWords) => hitsOf(questionWords)[0]?.topic ?? null;
}

/** Verbs that, before "like", describe how the skin looks or feels rather than compare with something else. */
const DESCRIBING = new Set(['look', 'looks', 'looked', 'looking', 'feel', 'feels', 'felt', 'feeling', 'seem', 'seems']);

/** Words that open a comparison: what follows them is the yardstick, not the subject. */
const COMPARISON_MARKERS = new Set(['than', 'vs', 'versus', 'compared', 'comparing', 'comparison', 'unlike']);
/** "like" only compares when an article or a verb of undergoing follows ("hurt like a tattoo", not "like does it hurt"). */
const LIKE_FOLLOWERS = new Set(['a', 'an', 'getting', 'having', 'doing', 'when', 'after']);
/** How many words after its marker a comparison may reach ("than when i got my tattoo done"). */
export const COMPARISON_REACH = 5;
/** Words that end a comparison before its reach: "more than a tattoo and is it red" */
const CLAUSE_ENDS = new Set(['and', 'but', 'or', 'because', 'so', 'if', 'is', 'are', 'does', 'do', 'will', 'can', 'should', 'how']);

/** Whether words[k] opens a comparison ("like" also when a term follows at once: "sting like waxing"). */
function opensComparison(words: readonly string[], k: number, hits: readonly TermHit[]): boolean {
  const w = words[k]!;
  if (COMPARISON_MARKERS.has(w)) return true;
  if (w === 'like') {
    // "looks like a sunburn" describes the skin; it compares nothing.
    if (DESCRIBING.has(words[k - 1] ?? '')) return false;
    return LIKE_FOLLOWERS.has(words[k + 1] ?? '') || hits.some((h) => h.start === k + 1);
  }
  if (w === 'as') return words[k - 1] === 'same';
  // "is it a laser or what", "is microneedling a kind of facial": asks what the treatment is, with the
  // other thing as the yardstick.
  if ((w === 'a' || w === 'an') && words[k - 2] === 'is' && IDENTITY_SUBJECTS.has(words[k - 1] ?? '')) {
    const next = KIND_OF.has(words[k + 1] ?? '') && words[k + 2] === 'of' ? k + 3 : k + 1;
    return hits.some((h) => h.start === next);
  }
  return false;
}

/** Subjects of "is X a ...?" that stand for the treatment. */
const IDENTITY_SUBJECTS = new Set(['it', 'this', 'that', 'microneedling']);
const KIND_OF = new Set(['kind', 'type', 'form', 'sort', 'version']);

/**
 * The comparisons in a question whose yardstick is something else: [start, end) word spans from the
 * marker to the last word that is about that other thing (an out-of-scope term or a word foreign to the
 * knowledge pack). "does it hurt more than a tattoo" is about microneedling's pain; the tattoo is only
 * its yardstick. "more than one blood thinner" compares nothing foreign and is kept.
 */
export function comparisonSpans(
  words: readonly string[],
  hits: readonly TermHit[],
  isForeign: (word: string) => boolean,
): Array<readonly [number, number]> {
  const spans: Array<readonly [number, number]> = [];
  for (let k = 0; k < words.length; k++) {
    if (!opensComparison(words, k, hits)) continue;
    let end = -1;
    for (let j = k + 1; j < words.length && j <= k + COMPARISON_REACH; j++) {
      if (CLAUSE_ENDS.has(words[j]!)) break;
      if (isForeign(words[j]!)) end = j + 1;
      for (const hit of hits) if (hit.start === j) end = Math.max(end, hit.end);
    }
    if (end > k) {
      spans.push([k, end]);
      k = end - 1;
    }
  }
  return spans;
}


/**
 * Whether the term at words[at] only describes how the skin looks or feels ("i look like i have a
 * sunburn", "it looks like a chemical peel"): the person is describing their own skin, not asking about
 * that other thing, so the term does not decide.
 */
export function describesAppearance(words: readonly string[], at: number): boolean {
  for (let k = at - 1; k >= 1 && k >= at - 4; k--) {
    if (words[k] === 'like' && DESCRIBING.has(words[k - 1]!)) return true;
  }
  return false;
}

/** Openers of a clause that names the cause of a symptom: "dry because of the heating", "red when im nervous". */
const CAUSE_OPENERS: ReadonlyArray<readonly string[]> = [
  ['because', 'of'],
  ['due', 'to'],
  ['caused', 'by'],
  ['thanks', 'to'],
  ['from'],
  ['whenever'],
  ['when', 'im'],
  ['when', 'i', 'am'],
  ['when', 'i', 'get'],
  ['when', 'i', 'feel'],
  ['every', 'time', 'i'],
  // "after" alone is how most questions about the treatment start; only "after a/an X" names an event.
  ['after', 'a'],
  ['after', 'an'],
  // Likewise "before a colonoscopy": an event other than the treatment.
  ['before', 'a'],
  ['before', 'an'],
];
/** Words that may sit between the opener and the cause ("from all the stress", "because of my new job"). */
const CAUSE_FILLERS = new Set(['a', 'an', 'the', 'my', 'all', 'this', 'that', 'being', 'using', 'some', 'too', 'so', 'very', 'really', 'new', 'much']);

/** Openers of a habit: "every time i", "whenever i". The one-off treatment is not a habit. */
const HABIT_OPENERS: ReadonlyArray<readonly string[]> = [
  ['every', 'time', 'i'],
  ['everytime', 'i'],
  ['each', 'time', 'i'],
  ['whenever', 'i'],
  ['when', 'i'],
];
/** Verbs of using a product after a habit opener: "every time i use glycolic acid", "when i put on sunscreen". */
const USE_VERBS = new Set(['use', 'using', 'apply', 'applying', 'put', 'putting', 'wear', 'wearing']);
/** Words that tie a question to the treatment itself: with one of them, a product habit is aftercare. */
const TREATMENT_WORDS = new Set(['microneedling', 'session', 'sessions', 'treatment', 'treatments', 'procedure', 'appointment', 'needle', 'needles']);

/**
 * Where the question blames a product the person uses habitually for its symptom ("my skin peels every
 * time i use glycolic acid", "it stings whenever i put on sunscreen"): the index of the first word after
 * the verb, or -1. Even a product the pack knows is then the cause, not the treatment; a question that
 * names the treatment ("every time i use my scrub after microneedling") is aftercare and is kept.
 */
export function productHabitAt(words: readonly string[]): number {
  if (words.some((w) => TREATMENT_WORDS.has(w))) return -1;
  for (let i = 0; i < words.length; i++) {
    const opener = HABIT_OPENERS.find((o) => o.every((w, j) => words[i + j] === w));
    if (!opener) continue;
    const k = i + opener.length;
    if (USE_VERBS.has(words[k] ?? '') && k + 1 < words.length) return k + 1;
  }
  return -1;
}

/**
 * Where the question names a cause other than the treatment for its symptom: the index of the first
 * cause word that is foreign to the knowledge pack ("my face is dry because of the heating", "red and
 * blotchy when im nervous"), or of the product a habit blames ("peels every time i use glycolic acid"),
 * or -1. A cause the pack knows ("from the needles", "because of the sun") is not another cause.
 */
export function otherCauseAt(words: readonly string[], isForeign: (word: string) => boolean): number {
  for (let i = 0; i < words.length; i++) {
    const opener = CAUSE_OPENERS.find((o) => o.every((w, j) => words[i + j] === w));
    if (!opener) continue;
    let k = i + opener.length;
    while (k < words.length && CAUSE_FILLERS.has(words[k]!)) k++;
    if (k < words.length && isForeign(words[k]!)) return k;
  }
  return productHabitAt(words);
}
