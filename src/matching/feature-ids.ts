/**
 * Dense numbers for the phrasing classifier's features: one per concept, one per pair of neighbouring
 * concepts. The classifier then counts in arrays, not maps of strings built for every phrasing. Numbers are
 * handed out while the pack is read; once frozen (after training), a concept or pair never seen answers -1
 * and adds nothing, so a flood of made-up words cannot grow memory.
 */
export interface FeatureIds {
  /** The concept's feature, or -1 once frozen if training never saw it. */
  concept(concept: string): number;
  /** The feature of two neighbouring concepts, given as their concept features; -1 if either is -1 or (frozen) unseen. */
  pair(first: number, second: number): number;
  freeze(): void;
  /** How many features were handed out. */
  readonly size: number;
}

export function createFeatureIds(): FeatureIds {
  const concepts = new Map<string, number>();
  // By first feature (dense numbers: an array, not a map), the second's pair number.
  const pairs: (Map<number, number> | undefined)[] = [];
  let size = 0;
  let frozen = false;
  /** The key's number in the map, handed out if new and not frozen; else -1. */
  const idIn = <K>(map: Map<K, number>, key: K): number => {
    let id = map.get(key);
    if (id === undefined) {
      if (frozen) return -1;
      id = size++;
      map.set(key, id);
    }
    return id;
  };
  return {
    concept: (concept) => idIn(concepts, concept),
    pair(first, second) {
      if (first < 0 || second < 0) return -1;
      let bySecond = pairs[first];
      if (bySecond === undefined) {
        if (frozen) return -1;
        bySecond = new Map();
        // Filled up to `first` so the array stays dense (a far index would turn it into a dictionary).
        while (pairs.length < first) pairs.push(undefined);
        pairs[first] = bySecond;
      }
      return idIn(bySecond, second);
    },
    freeze() {
      frozen = true;
    },
    get size() {
      return size;
    },
  };
}
