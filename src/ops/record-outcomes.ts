import type { TickResult } from '../checkins/checkin-scheduler';
import type { ReloadResult } from '../knowledge/watch-knowledge';
import type { Metrics } from './metrics';

const CHECKIN_OUTCOMES = ['sent', 'expired', 'failed', 'paused', 'retried', 'cancelled'] as const;

/** One scheduler tick into the check-in counters and the tick-duration histogram. */
export function recordTick(metrics: Metrics, result: TickResult, seconds: number): void {
  for (const outcome of CHECKIN_OUTCOMES) if (result[outcome] > 0) metrics.checkins.inc({ outcome }, result[outcome]);
  metrics.schedulerTickSeconds.observe(seconds);
}

export function recordReload(metrics: Metrics, result: ReloadResult): void {
  metrics.knowledgeReloads.inc({ result: !result.ok ? 'rejected' : result.changed ? 'applied' : 'unchanged' });
}
