import type { Knowledge, RedFlagRule } from '../knowledge/knowledge-schema';
import { requiredLiterals } from './literal-gate';
import { compileGates, type GateScan } from './literal-scan';

/** How far back a negation reaches ("i dont have any pus or blisters"), unless a clause break intervenes. */
const NEGATION_WINDOW = 6;
/** Characters looked back for a negation: bounded, so a long message costs linear time. */
const NEGATION_REACH_CHARS = 80;

export interface RedFlagHit {
  rule: RedFlagRule;
  /** The pattern or the sign/modifier combination that fired. */
  via: string;
}

/** Texts a message is checked in: the whole message (no punctuation) and its sentences, each a part of a whole text. */
export interface FlagTexts {
  whole: readonly string[];
  sentences: readonly string[];
}

export type RedFlagCheck = (texts: FlagTexts) => RedFlagHit | null;

/**
 * The lexicon's words that, just before a warning sign, say the person does NOT have it ("no fever"), and the
 * words or word sequences that end their reach (a new clause: "but", "and the").
 */
interface Negation {
  words: ReadonlySet<string>;
  /** Each break as words, by its first word. */
  breaks: ReadonlyMap<string, readonly (readonly string[])[]>;
}

function negationOf(lexicon: Knowledge['lexicon']): Negation {
  const breaks = new Map<string, string[][]>();
  for (const entry of lexicon.negationBreaks) {
    const words = entry.toLowerCase().split(/\s+/).filter((w) => w.length > 0);
    if (words.length > 0) breaks.set(words[0]!, [...(breaks.get(words[0]!) ?? []), words]);
  }
  return { words: new Set(lexicon.negations), breaks };
}

/** Whether a break starts at word `i` of the words (all its words there, before the warning sign). */
function breaksAt(negation: Negation, words: readonly string[], i: number): boolean {
  return negation.breaks.get(words[i]!)?.some((b) => b.every((w, k) => words[i + k] === w)) === true;
}

function isNegated(negation: Negation, text: string, matchStart: number): boolean {
  const from = Math.max(0, matchStart - NEGATION_REACH_CHARS, text.lastIndexOf('\n', matchStart) + 1);
  const before = text.slice(from, matchStart).trim().split(' ').slice(-NEGATION_WINDOW);
  for (let i = before.length - 1; i >= 0; i--) {
    if (breaksAt(negation, before, i)) return false;
    if (negation.words.has(before[i]!)) return true;
  }
  return false;
}

/** A compiled pattern and its gate: the literals it needs (see literal-gate.ts), numbered in one GateScan. */
interface Gated {
  regex: RegExp;
  gate: number;
  /**
   * The words that deny a match just before it, or null: a modifier (a time, "worse", "spreading") is not what a
   * negation denies ("they havent faded after 3 weeks").
   */
  negations: Negation | null;
}

function firesOn({ regex: pattern, gate, negations }: Gated, text: string, scan: GateScan): boolean {
  if (!scan.passes(gate)) return false;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    if (negations === null || !isNegated(negations, text, m.index)) return true;
    if (m[0].length === 0) pattern.lastIndex++;
  }
  return false;
}

/** Where a pattern matches, leaving out matches just after a negation. */
function matchStarts({ regex: pattern, gate, negations }: Gated, text: string, scan: GateScan): number[] {
  if (!scan.passes(gate)) return [];
  const out: number[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    if (negations === null || !isNegated(negations, text, m.index)) out.push(m.index);
    if (m[0].length === 0) pattern.lastIndex++;
  }
  return out;
}

/** Start index of each line of the text. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** Which line a character index is on (binary search over the line starts). */
function lineOf(starts: readonly number[], at: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Compiles the pack's red-flag rules once. A rule fires on a pattern anywhere in the message, or when one
 * sentence holds every named sign and modifier of one of its `when` lists; a match just after a negation
 * does not count. Rules are checked in the pack's order; the first that fires wins.
 */
export function compileRedFlags(knowledge: Pick<Knowledge, 'redFlags' | 'signs' | 'modifiers' | 'lexicon'>): RedFlagCheck {
  const negations = negationOf(knowledge.lexicon);
  const literalSets: string[][][] = [];
  const gated = (p: string, negatable = true): Gated => {
    literalSets.push(requiredLiterals(p));
    return { regex: new RegExp(p, 'gi'), gate: literalSets.length - 1, negations: negatable ? negations : null };
  };
  const named = new Map<string, Gated[]>();
  for (const [name, patterns] of Object.entries(knowledge.signs)) named.set(name, patterns.map((p) => gated(p)));
  for (const [name, patterns] of Object.entries(knowledge.modifiers)) named.set(name, patterns.map((p) => gated(p, false)));
  const rules = knowledge.redFlags.map((rule) => ({
    rule,
    patterns: rule.patterns.map((p) => [p, gated(p)] as const),
    when: rule.when.map((names) => ({ label: names.join(' + '), groups: names.map((n) => named.get(n) ?? []) })),
  }));
  // One pass over a text tells which patterns can match in it; only those run their regex.
  const scanOf = compileGates(literalSets);
  return (texts) => {
    const whole = [...new Set(texts.whole)];
    // Sentences joined by line breaks: "." in a pattern never crosses one, so one scan of the joined text
    // finds, for a named sign or modifier, every sentence it occurs in.
    const joined = [...new Set(texts.sentences)].join('\n');
    const starts = lineStarts(joined);
    // One scan of the whole texts (a literal never spans a line break) finds every literal of the sentences too,
    // as each is a part of one: a gate it passes may still fail in one text, and the regex then tells.
    const scan = scanOf(whole.join('\n'));
    const found = new Map<Gated[], Set<number>>();
    const sentencesWith = (group: Gated[]): Set<number> => {
      let v = found.get(group);
      if (!v) {
        v = new Set();
        for (const gate of group) for (const at of matchStarts(gate, joined, scan)) v.add(lineOf(starts, at));
        found.set(group, v);
      }
      return v;
    };
    const has = (groups: Gated[][]): boolean => {
      const [first, ...rest] = groups.map(sentencesWith);
      for (const line of first ?? []) if (rest.every((set) => set.has(line))) return true;
      return false;
    };
    for (const { rule, patterns, when } of rules) {
      for (const [source, pattern] of patterns) {
        for (const text of whole) if (firesOn(pattern, text, scan)) return { rule, via: source };
      }
      for (const { label, groups } of when) if (has(groups)) return { rule, via: label };
    }
    return null;
  };
}
