import type { Knowledge, RedFlagRule } from '../knowledge/knowledge-schema';

/** Words that, just before a warning sign, say the person does NOT have it ("no fever", "not infected"). */
const NEGATIONS = new Set([
  'no', 'not', 'without', 'never', 'dont', 'doesnt', 'didnt', 'isnt', 'arent', 'wasnt', 'havent', 'hasnt',
  'nor', 'zero', 'neither', 'none',
]);
/** How far back a negation reaches ("i dont have any pus or blisters"), unless a clause break intervenes. */
const NEGATION_WINDOW = 6;
/** Characters looked back for a negation: bounded, so a long message costs linear time. */
const NEGATION_REACH_CHARS = 80;
const CLAUSE_BREAKS = new Set(['but', 'though', 'although', 'however', 'except', 'yet', 'now', 'just', 'only', 'still', 'if', 'whether', 'maybe', 'because', 'since']);

export interface RedFlagHit {
  rule: RedFlagRule;
  /** The pattern or the sign/modifier combination that fired. */
  via: string;
}

/** Texts a message is checked in: the whole message (no punctuation) and its sentences. */
export interface FlagTexts {
  whole: readonly string[];
  sentences: readonly string[];
}

export type RedFlagCheck = (texts: FlagTexts) => RedFlagHit | null;

function isNegated(text: string, matchStart: number): boolean {
  const before = text.slice(Math.max(0, matchStart - NEGATION_REACH_CHARS), matchStart).trim().split(' ').slice(-NEGATION_WINDOW);
  for (let i = before.length - 1; i >= 0; i--) {
    if (CLAUSE_BREAKS.has(before[i]!)) return false;
    if (NEGATIONS.has(before[i]!)) return true;
  }
  return false;
}

function firesOn(pattern: RegExp, text: string): boolean {
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    if (!isNegated(text, m.index)) return true;
    if (m[0].length === 0) pattern.lastIndex++;
  }
  return false;
}

const compile = (patterns: readonly string[]): RegExp[] => patterns.map((p) => new RegExp(p, 'gi'));

/**
 * Compiles the pack's red-flag rules once. A rule fires on a pattern anywhere in the message, or when one
 * sentence holds every named sign and modifier of one of its `when` lists; a match just after a negation
 * does not count. Rules are checked in the pack's order; the first that fires wins.
 */
export function compileRedFlags(knowledge: Pick<Knowledge, 'redFlags' | 'signs' | 'modifiers'>): RedFlagCheck {
  const named = new Map<string, RegExp[]>();
  for (const [name, patterns] of Object.entries(knowledge.signs)) named.set(name, compile(patterns));
  for (const [name, patterns] of Object.entries(knowledge.modifiers)) named.set(name, compile(patterns));
  const rules = knowledge.redFlags.map((rule) => ({
    rule,
    patterns: rule.patterns.map((p) => [p, new RegExp(p, 'gi')] as const),
    when: rule.when.map((names) => ({ label: names.join(' + '), groups: names.map((n) => named.get(n) ?? []) })),
  }));
  const sentenceHas = (groups: RegExp[][], sentence: string): boolean =>
    groups.every((group) => group.some((p) => firesOn(p, sentence)));

  return (texts) => {
    for (const { rule, patterns, when } of rules) {
      for (const [source, pattern] of patterns) {
        for (const text of texts.whole) if (firesOn(pattern, text)) return { rule, via: source };
      }
      for (const { label, groups } of when) {
        for (const sentence of texts.sentences) if (sentenceHas(groups, sentence)) return { rule, via: label };
      }
    }
    return null;
  };
}
