/**
 * The phrasing classifier's feature names ("c:<concept>", "b:<concept> <concept>"), each string built once and
 * then reused: looking up a string a map has hashed before is cheaper than building and hashing a new one,
 * and a message or pack phrasing repeats the same few concepts. Bounded (then it starts over), like boundedMemo.
 */
export interface FeatureNames {
  concept(concept: string): string;
  pair(first: string, second: string): string;
}

export function createFeatureNames(limit = 200_000): FeatureNames {
  const concepts = new Map<string, string>();
  const pairs = new Map<string, Map<string, string>>();
  let size = 0;
  const room = (): void => {
    if (++size <= limit) return;
    concepts.clear();
    pairs.clear();
    size = 1;
  };
  return {
    concept(concept) {
      let name = concepts.get(concept);
      if (name === undefined) {
        room();
        name = `c:${concept}`;
        concepts.set(concept, name);
      }
      return name;
    },
    pair(first, second) {
      let byFirst = pairs.get(first);
      if (byFirst === undefined) {
        byFirst = new Map();
        pairs.set(first, byFirst);
      }
      let name = byFirst.get(second);
      if (name === undefined) {
        room();
        name = `b:${first} ${second}`;
        byFirst.set(second, name);
      }
      return name;
    },
  };
}
