/**
 * Literal text a regular expression cannot match without, read off its top-level sequence: each plain run
 * of letters it must contain, and for each group it cannot skip, the leading literals of its alternatives
 * ("\b(numb|tingl(e|y)) (for|since) weeks" -> [["numb", "tingl"], [" "], ["for", "since"], [" weeks"]]).
 * A text that lacks every literal of one set cannot match, so the regex need not run: substring searches
 * are far cheaper than a regex scan, and most warning-sign patterns have nothing to do with most messages.
 * A top-level alternation needs one literal out of those its alternatives need (see eitherOf).
 * Sets that cannot be read off safely are left out (an empty result means: always run the regex).
 */
export function requiredLiterals(pattern: string): string[][] {
  const alternatives = splitTopLevel(pattern);
  if (alternatives.length > 1) return eitherOf(alternatives.map(requiredLiterals));
  const sets: string[][] = [];
  let run = '';
  const flush = () => {
    if (run.trim().length >= 2) sets.push([run]);
    run = '';
  };
  for (let i = 0; i < pattern.length; ) {
    const c = pattern[i]!;
    const next = pattern[i + 1];
    if (c === '(') {
      const end = groupEnd(pattern, i);
      if (end < 0) return [];
      flush();
      const optional = /^[?*]|^\{0/.test(pattern.slice(end + 1));
      const body = pattern.slice(i, end + 1);
      if (!optional && !/^\(\?<?[!=]/.test(body)) {
        const inner = body.slice(body.startsWith('(?:') ? 3 : 1, -1);
        const leads = splitTopLevel(inner).map(leadingLiteral);
        if (leads.every((l) => l.trim().length >= 2)) sets.push(leads);
      }
      i = end + 1;
      if (/^[?*+]/.test(pattern.slice(i))) i++;
      else if (pattern[i] === '{') i = pattern.indexOf('}', i) + 1;
      continue;
    }
    if (/[a-z0-9 ]/i.test(c)) {
      if (next === '?' || next === '*' || next === '{') {
        flush();
        i += 2;
        continue;
      }
      run += c.toLowerCase();
      i++;
      continue;
    }
    // Anything else (escapes, classes, dots, anchors, quantifiers) ends the literal run.
    flush();
    if (c === '\\') i += 2;
    else if (c === '[') i = classEnd(pattern, i) + 1;
    else if (c === '{') i = pattern.indexOf('}', i) + 1;
    else i++;
    if (i <= 0) return [];
  }
  flush();
  return sets;
}

/**
 * What a top-level alternation "a|b" needs: some literal of one set of whichever alternative matched. From each
 * alternative one set is picked (the one whose shortest literal is longest: the rarest to find by chance), and
 * the text needs one literal of their union. An alternative that needs nothing leaves the whole ungated.
 */
function eitherOf(alternatives: readonly string[][][]): string[][] {
  const picked: string[] = [];
  for (const sets of alternatives) {
    if (sets.length === 0) return [];
    const shortest = (set: readonly string[]): number => Math.min(...set.map((l) => l.length));
    const best = sets.reduce((a, b) => (shortest(b) > shortest(a) ? b : a));
    picked.push(...best);
  }
  return [[...new Set(picked)]];
}

/** Whether the text has at least one literal of every set. */
export function passesGate(sets: readonly (readonly string[])[], text: string): boolean {
  // Plain loops: this runs for every regex on every text, and the callbacks of every/some cost more than the searches.
  for (const set of sets) {
    let found = false;
    for (const literal of set) {
      if (text.includes(literal)) {
        found = true;
        break;
      }
    }
    if (!found) return false;
  }
  return true;
}

function classEnd(p: string, start: number): number {
  for (let i = start + 1; i < p.length; i++) {
    if (p[i] === '\\') i++;
    else if (p[i] === ']') return i;
  }
  return -1;
}

/** Index of the ")" closing the group opened at `start`, or -1. */
function groupEnd(p: string, start: number): number {
  let depth = 0;
  for (let i = start; i < p.length; i++) {
    const c = p[i]!;
    if (c === '\\') i++;
    else if (c === '[') {
      i = classEnd(p, i);
      if (i < 0) return -1;
    } else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return -1;
}

function splitTopLevel(p: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < p.length; i++) {
    const c = p[i]!;
    if (c === '\\') i++;
    else if (c === '[') i = Math.max(i, classEnd(p, i));
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      parts.push(p.slice(from, i));
      from = i + 1;
    }
  }
  parts.push(p.slice(from));
  return parts;
}

/** The plain letters, digits and spaces an alternative starts with; a quantified last letter is dropped. */
function leadingLiteral(alt: string): string {
  let out = '';
  for (let i = 0; i < alt.length; i++) {
    const c = alt[i]!;
    if (/[a-z0-9 ]/i.test(c)) {
      if (alt[i + 1] === '?' || alt[i + 1] === '*' || alt[i + 1] === '{') break;
      out += c.toLowerCase();
      continue;
    }
    break;
  }
  return out;
}
