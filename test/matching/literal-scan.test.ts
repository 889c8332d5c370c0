import { loadKnowledge } from '../../src/knowledge/load-knowledge';
import { passesGate, requiredLiterals } from '../../src/matching/literal-gate';
import { compileGates } from '../../src/matching/literal-scan';
import { KNOWLEDGE_DIR } from './matcher-helpers';

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('literal gates checked in one scan', () => {
  it('passes exactly the gates that one substring search per literal passes, on the pack and on random text', () => {
    const knowledge = loadKnowledge(KNOWLEDGE_DIR);
    const patterns = [...knowledge.redFlags.flatMap((r) => r.patterns), ...Object.values(knowledge.signs).flat(), ...Object.values(knowledge.modifiers).flat()];
    const gates = patterns.map(requiredLiterals);
    const scan = compileGates(gates);
    const literals = [...new Set(gates.flat(2))];
    const next = random(7);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
    const texts = [
      '',
      'fever',
      'i have a fever and chills, is that normal?',
      'ÉTÉ fever 38 degrees',
      ...knowledge.redFlags.map((r) => r.description.toLowerCase()),
      // Literals cut, joined and overlapped, with letters outside the literals' alphabet between them.
      ...Array.from({ length: 300 }, () =>
        Array.from({ length: 1 + Math.floor(next() * 6) }, () => {
          const l = pick(literals);
          const from = Math.floor(next() * 3);
          return l.slice(from, from + 2 + Math.floor(next() * l.length)) + pick(['', ' ', 'x', '.', 'é', '\n']);
        }).join(''),
      ),
    ];
    let passed = 0;
    const differing: string[] = [];
    for (const text of texts) {
      const result = scan(text);
      const open: number[] = [];
      gates.forEach((gate, g) => {
        const slow = passesGate(gate, text);
        if (result.passes(g) !== slow) differing.push(`${JSON.stringify(text)} pattern ${patterns[g]}`);
        if (slow) passed++;
        if (slow) open.push(g);
      });
      // The list of open gates is the same answer, ascending.
      if (result.open().join() !== open.join()) differing.push(`${JSON.stringify(text)} open gates ${result.open().join()} not ${open.join()}`);
    }
    expect(differing).toEqual([]);
    // The texts must open some gates and not others, or the comparison above proves little.
    expect(passed).toBeGreaterThan(texts.length);
    expect(passed).toBeLessThan((texts.length * gates.length) / 2);
  });

  it('finds literals with more automaton states than two bytes can number (the wider table)', () => {
    const next = random(11);
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    // 4,000 random 12-letter literals share few prefixes: about 40,000 states, past 32,767.
    const literals = Array.from({ length: 4_000 }, () => Array.from({ length: 12 }, () => letters[Math.floor(next() * 26)]).join(''));
    const scan = compileGates(literals.map((l) => [[l]]));
    const text = `x ${literals[3_999]} y ${literals[17]!.slice(0, 11)} z ${literals[1_500]}`;
    const open = literals.flatMap((l, g) => (text.includes(l) ? [g] : []));
    expect(open).toEqual(expect.arrayContaining([1_500, 3_999]));
    expect(scan(text).open()).toEqual(open);
  });

  it('treats a gate with no literal sets as open, and one with an empty set as closed', () => {
    const scan = compileGates([[], [[]], [['ab', 'cd']], [['abc'], ['bcd']]]);
    expect([0, 1, 2, 3].map((g) => scan('xabcdx').passes(g))).toEqual([true, false, true, true]);
    expect([0, 1, 2, 3].map((g) => scan('xcd abc').passes(g))).toEqual([true, false, true, false]);
    expect(scan('xabcdx').open()).toEqual([0, 2, 3]);
    expect(scan('nothing here').open()).toEqual([0]);
  });

  it('refuses a scan read after a newer scan of the same gates, rather than answering for the newer text', () => {
    const scan = compileGates([[['red']], [['pus']]]);
    const first = scan('still red');
    expect(first.passes(0)).toBe(true);
    const second = scan('pus now');
    expect(second.passes(1)).toBe(true);
    expect(second.passes(0)).toBe(false);
    expect(() => first.passes(0)).toThrow(/newer scan/);
  });
});
