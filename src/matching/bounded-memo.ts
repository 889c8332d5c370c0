/**
 * A pure one-argument function with its results remembered, up to `limit` of them (then it starts over):
 * per-word work (stemming, concept lookup) repeats for every message and every pack phrasing, while the
 * words in use are few. The bound keeps a flood of made-up words from growing memory without end.
 */
export function boundedMemo<T>(fn: (key: string) => T, limit = 50_000): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    const hit = cache.get(key);
    if (hit !== undefined || cache.has(key)) return hit as T;
    const value = fn(key);
    if (cache.size >= limit) cache.clear();
    cache.set(key, value);
    return value;
  };
}
