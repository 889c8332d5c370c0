import type { RedFlagRule } from '../knowledge/knowledge-schema';

/** Words that, just before a warning sign, say the person does NOT have it ("no fever", "not infected"). */
const NEGATIONS = new Set([
  'no', 'not', 'without', 'never', 'dont', 'doesnt', 'didnt', 'isnt', 'arent', 'wasnt', 'havent', 'hasnt',
  'nor', 'zero', 'neither', 'none',
]);
/** How far back a negation reaches ("i dont have any pus or blisters"), unless a clause break intervenes. */
const NEGATION_WINDOW = 6;
const CLAUSE_BREAKS = new Set(['but', 'though', 'although', 'however', 'except', 'yet', 'now', 'just', 'only', 'still', 'if', 'whether', 'maybe', 'because', 'since']);

interface CompiledRule {
  rule: RedFlagRule;
  patterns: RegExp[];
}

export type RedFlagCheck = (normalizedTexts: readonly string[]) => RedFlagRule | null;

function isNegated(text: string, matchStart: number): boolean {
  const before = text.slice(0, matchStart).trim().split(' ').slice(-NEGATION_WINDOW);
  for (let i = before.length - 1; i >= 0; i--) {
    if (CLAUSE_BREAKS.has(before[i]!)) return false;
    if (NEGATIONS.has(before[i]!)) return true;
  }
  return false;
}

function firesOn(patterns: readonly RegExp[], text: string): boolean {
  for (const pattern of patterns) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
      if (!isNegated(text, m.index)) return true;
      if (m[0].length === 0) pattern.lastIndex++;
    }
  }
  return false;
}

/** Compiles the knowledge pack's rules once; the check returns the first rule any text fires. */
export function compileRedFlags(rules: readonly RedFlagRule[]): RedFlagCheck {
  const compiled: CompiledRule[] = rules.map((rule) => ({
    rule,
    patterns: rule.patterns.map((p) => new RegExp(p, 'gi')),
  }));
  return (texts) => {
    for (const { rule, patterns } of compiled) {
      for (const text of texts) if (firesOn(patterns, text)) return rule;
    }
    return null;
  };
}
