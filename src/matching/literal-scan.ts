/** Which gates a text passes, from one scan of it (see compileGates); valid until the next scan with the same gates. */
export interface GateScan {
  passes(gate: number): boolean;
  /** Every gate the text passes, ascending: cheaper than asking each gate when most are closed. */
  open(): number[];
}

/** Characters a literal can hold (requiredLiterals keeps letters, digits and spaces); any other one is a break. */
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789 ';
const SYMBOLS = ALPHABET.length + 1;
const OTHER = ALPHABET.length;
const SYMBOL_OF = new Int8Array(128).fill(OTHER);
for (let i = 0; i < ALPHABET.length; i++) SYMBOL_OF[ALPHABET.charCodeAt(i)] = i;

/**
 * Many literal gates (see literal-gate.ts) checked together: one pass over the text with an Aho-Corasick
 * automaton finds every literal that any gate needs, after which each gate is a few array reads. Checking
 * 300 regexes' gates one substring search at a time costs far more than the one pass.
 * `gates[g]` is the gate's literal sets; a text passes it exactly when passesGate(gates[g], text) would.
 */
export function compileGates(gates: readonly (readonly (readonly string[])[])[]): (text: string) => GateScan {
  const literalIds = new Map<string, number>();
  const idOf = (literal: string): number => {
    let id = literalIds.get(literal);
    if (id === undefined) {
      id = literalIds.size;
      literalIds.set(literal, id);
    }
    return id;
  };
  const compiled = gates.map((sets) => sets.map((set) => set.map(idOf)));
  const literals = [...literalIds.keys()];
  // A literal outside the alphabet (none today) is checked the slow way, so the answer stays exact.
  const plain = literals.map((l) => l.length > 0 && [...l].every((ch) => ALPHABET.includes(ch)));
  const others = literals.flatMap((l, id) => (plain[id] ? [] : [[l, id] as const]));

  // The trie, then failure links breadth first, folded into a full transition table (a DFA over SYMBOLS).
  const maxStates = 1 + literals.reduce((n, l) => n + l.length, 0);
  const table = new Int32Array(maxStates * SYMBOLS).fill(-1);
  const found: number[][] = [[]];
  let states = 1;
  literals.forEach((literal, id) => {
    if (!plain[id]) return;
    let state = 0;
    for (let i = 0; i < literal.length; i++) {
      const at = state * SYMBOLS + SYMBOL_OF[literal.charCodeAt(i)]!;
      if (table[at] === -1) {
        table[at] = states++;
        found.push([]);
      }
      state = table[at]!;
    }
    found[state]!.push(id);
  });
  const fail = new Int32Array(states);
  const queue = new Int32Array(states);
  let tail = 0;
  for (let s = 0; s < SYMBOLS; s++) {
    if (table[s] === -1) table[s] = 0;
    else queue[tail++] = table[s]!;
  }
  for (let head = 0; head < tail; head++) {
    const state = queue[head]!;
    const base = state * SYMBOLS;
    const failBase = fail[state]! * SYMBOLS;
    if (found[fail[state]!]!.length > 0) found[state] = [...found[state]!, ...found[fail[state]!]!];
    for (let s = 0; s < SYMBOLS; s++) {
      const child = table[base + s]!;
      if (child === -1) table[base + s] = table[failBase + s]!;
      else {
        fail[child] = table[failBase + s]!;
        queue[tail++] = child;
      }
    }
  }
  // Two bytes a transition where the states allow (all gates today): half the memory the scan walks through.
  const dfa = states <= 0x7fff ? Int16Array.from(table.subarray(0, states * SYMBOLS)) : table.slice(0, states * SYMBOLS);
  // Literals found on reaching each state, flattened: ids outputIds[outputStart[s] .. outputStart[s + 1]).
  const outputStart = new Int32Array(states + 1);
  const flat: number[] = [];
  for (let state = 0; state < states; state++) {
    outputStart[state] = flat.length;
    flat.push(...new Set(found[state]));
  }
  outputStart[states] = flat.length;
  const outputIds = Int32Array.from(flat);

  // For open(): the gates that need each literal, and the gates that need none (always open).
  const gatesOfLiteral: number[][] = literals.map(() => []);
  const alwaysOpen: number[] = [];
  compiled.forEach((sets, gate) => {
    if (sets.length === 0) alwaysOpen.push(gate);
    for (const id of new Set(sets.flat())) gatesOfLiteral[id]!.push(gate);
  });
  const scanner = new Scanner(compiled, gatesOfLiteral, alwaysOpen, literals.length);
  return (text) => {
    const gen = scanner.begin();
    // Locals, not the closure's variables, in the loop that runs once per character.
    const { stamp, foundIds } = scanner;
    let found = 0;
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      state = dfa[state * SYMBOLS + (code < 128 ? SYMBOL_OF[code]! : OTHER)]!;
      for (let j = outputStart[state]!, end = outputStart[state + 1]!; j < end; j++) {
        const id = outputIds[j]!;
        if (stamp[id] !== gen) {
          stamp[id] = gen;
          foundIds[found++] = id;
        }
      }
    }
    for (const [literal, id] of others) {
      if (text.includes(literal)) {
        stamp[id] = gen;
        foundIds[found++] = id;
      }
    }
    scanner.foundCount = found;
    return new Scan(scanner, gen);
  };
}

/**
 * Which literals the newest scan found, as a generation stamp per literal and a list: a scan allocates almost
 * nothing (a fresh typed array per text cost more than the whole scan of a short one). So a scan is read
 * before the next one with the same gates.
 */
/** Open gates up to which open() sorts them by insertion. */
const SORT_BY_INSERTION = 32;

class Scanner {
  readonly stamp: Uint32Array;
  readonly foundIds: Int32Array;
  foundCount = 0;
  generation = 0;
  private readonly gateSeen: Uint32Array;

  constructor(
    private readonly compiled: readonly (readonly (readonly number[])[])[],
    private readonly gatesOfLiteral: readonly (readonly number[])[],
    private readonly alwaysOpen: readonly number[],
    literalCount: number,
  ) {
    this.stamp = new Uint32Array(literalCount);
    this.foundIds = new Int32Array(literalCount);
    this.gateSeen = new Uint32Array(compiled.length);
  }

  begin(): number {
    if (this.generation === 0xffffffff) {
      this.stamp.fill(0);
      this.gateSeen.fill(0);
      this.generation = 0;
    }
    this.foundCount = 0;
    return ++this.generation;
  }

  passes(gate: number, gen: number): boolean {
    if (this.generation !== gen) throw new Error('a gate scan was read after a newer scan of the same gates');
    const sets = this.compiled[gate]!;
    for (let s = 0; s < sets.length; s++) {
      const set = sets[s]!;
      let found = false;
      for (let k = 0; k < set.length; k++) {
        if (this.stamp[set[k]!] === gen) {
          found = true;
          break;
        }
      }
      if (!found) return false;
    }
    return true;
  }

  open(gen: number): number[] {
    // A gate with a literal set can pass only through a literal found: only those gates are asked.
    const out = [...this.alwaysOpen];
    for (let f = 0; f < this.foundCount; f++) {
      for (const gate of this.gatesOfLiteral[this.foundIds[f]!]!) {
        if (this.gateSeen[gate] === gen) continue;
        this.gateSeen[gate] = gen;
        if (this.passes(gate, gen)) out.push(gate);
      }
    }
    if (out.length > SORT_BY_INSERTION) return out.sort((a, b) => a - b);
    // Usually a handful of gates: sorted in place by insertion (Array.prototype.sort allocates a work copy, and a
    // long message is scanned hundreds of times).
    for (let i = 1; i < out.length; i++) {
      const gate = out[i]!;
      let j = i - 1;
      while (j >= 0 && out[j]! > gate) {
        out[j + 1] = out[j]!;
        j--;
      }
      out[j + 1] = gate;
    }
    return out;
  }
}

class Scan implements GateScan {
  constructor(
    private readonly scanner: Scanner,
    private readonly gen: number,
  ) {}

  passes(gate: number): boolean {
    return this.scanner.passes(gate, this.gen);
  }

  open(): number[] {
    return this.scanner.open(this.gen);
  }
}
