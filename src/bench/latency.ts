/** Latency figures from per-call durations in nanoseconds. */
export interface LatencyStats {
  count: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
}

function percentile(sorted: readonly bigint[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return Number(sorted[Math.max(0, i)]!) / 1e6;
}

/** Times `fn` over `iterations` calls cycling through `inputs`, with process.hrtime.bigint(). */
export function timeCalls<T>(inputs: readonly T[], iterations: number, fn: (input: T) => unknown): LatencyStats {
  const durations: bigint[] = new Array(iterations);
  const start = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) {
    const input = inputs[i % inputs.length]!;
    const t0 = process.hrtime.bigint();
    fn(input);
    durations[i] = process.hrtime.bigint() - t0;
  }
  const totalNs = Number(process.hrtime.bigint() - start);
  durations.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    count: iterations,
    perSecond: iterations / (totalNs / 1e9),
    p50Ms: percentile(durations, 50),
    p99Ms: percentile(durations, 99),
  };
}

export function formatStats(label: string, s: LatencyStats): string {
  return `${label.padEnd(34)} ${Math.round(s.perSecond).toLocaleString('en-US').padStart(9)} q/s   p50 ${s.p50Ms.toFixed(3)} ms   p99 ${s.p99Ms.toFixed(3)} ms`;
}
