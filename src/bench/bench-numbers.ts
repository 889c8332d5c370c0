/** The p-th percentile of ascending `sorted` (nearest rank). */
export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export const fmt = (n: number, digits = 1) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
export const int = (n: number) => Math.round(n).toLocaleString('en-US');

/** A deterministic pseudo-random sequence, so every run plans the same subscriptions. */
export function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Most of ascending millisecond times `at` that fall within any one second (a platform's rate window). */
export function busiestSecond(at: readonly number[]): number {
  let most = 0;
  let from = 0;
  for (let i = 0; i < at.length; i++) {
    while (at[from]! <= at[i]! - 1000) from++;
    most = Math.max(most, i - from + 1);
  }
  return most;
}
