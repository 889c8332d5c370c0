import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/**
 * The bot's Prometheus metrics, on a registry of their own (not prom-client's global one), so several apps in
 * one test process never share counts. Names follow Prometheus conventions: `_total` counters, `_seconds` times.
 */
export interface Metrics {
  readonly registry: Registry;
  /** Replies by platform and kind (answer, fallback, escalation, info, refusal, error). */
  readonly replies: Counter<'platform' | 'kind'>;
  /** From the event reaching the core to the reply being ready (the platform's send not included). */
  readonly replySeconds: Histogram<'platform'>;
  /** Outbound platform calls that failed, by PlatformError code. */
  readonly platformErrors: Counter<'platform' | 'code'>;
  /** 429 answers the platform library waited out. */
  readonly platformRateLimits: Counter<'platform'>;
  /** Check-ins by outcome: sent, expired, failed (for good), paused (user unreachable), retried, cancelled. */
  readonly checkins: Counter<'outcome'>;
  readonly schedulerTickSeconds: Histogram;
  /** Store operations that threw (check-in claims, the readiness write probe). */
  readonly storeErrors: Counter<'operation'>;
  /** Knowledge pack reloads: applied, unchanged or rejected (a bad edit; the last good pack stays live). */
  readonly knowledgeReloads: Counter<'result'>;
}

export function createMetrics(options: { processMetrics?: boolean } = {}): Metrics {
  const registry = new Registry();
  // Process metrics (RSS, CPU, event-loop lag) poll nothing: they are read when /metrics is scraped.
  if (options.processMetrics ?? true) collectDefaultMetrics({ register: registry, prefix: 'aftercare_' });
  const registers = [registry];
  return {
    registry,
    replies: new Counter({ name: 'aftercare_replies_total', help: 'Replies by platform and kind', labelNames: ['platform', 'kind'], registers }),
    replySeconds: new Histogram({
      name: 'aftercare_reply_seconds',
      help: 'Time to work out a reply, by platform',
      labelNames: ['platform'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers,
    }),
    platformErrors: new Counter({
      name: 'aftercare_platform_errors_total',
      help: 'Failed outbound platform calls, by platform and error code',
      labelNames: ['platform', 'code'],
      registers,
    }),
    platformRateLimits: new Counter({
      name: 'aftercare_platform_rate_limits_total',
      help: 'Rate-limit (429) answers waited out, by platform',
      labelNames: ['platform'],
      registers,
    }),
    checkins: new Counter({ name: 'aftercare_checkins_total', help: 'Check-ins by outcome', labelNames: ['outcome'], registers }),
    schedulerTickSeconds: new Histogram({
      name: 'aftercare_scheduler_tick_seconds',
      help: 'Duration of one check-in scheduler tick (claim to every claimed row marked)',
      buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60],
      registers,
    }),
    storeErrors: new Counter({ name: 'aftercare_store_errors_total', help: 'Store operations that failed', labelNames: ['operation'], registers }),
    knowledgeReloads: new Counter({
      name: 'aftercare_knowledge_reloads_total',
      help: 'Knowledge pack reloads by result (applied, unchanged, rejected)',
      labelNames: ['result'],
      registers,
    }),
  };
}

/**
 * Reliability counters kept elsewhere (issue 11), read when /metrics is scraped: events shed under overload and
 * in progress (the core's LoadMeter), and best-effort store writes that failed while the reply still went out.
 */
export function observeReliability(
  metrics: Metrics,
  load: { snapshot(): { pending: number; shed: number } },
  store: { writeFaults: { snapshot(): { failures: number } } },
): void {
  const registers = [metrics.registry];
  new Counter({
    name: 'aftercare_events_shed_total',
    help: 'Incoming events dropped because too many were in progress (MAX_PENDING_EVENTS)',
    registers,
    collect() {
      this.reset();
      this.inc(load.snapshot().shed);
    },
  });
  new Gauge({
    name: 'aftercare_events_pending',
    help: 'Incoming events being answered right now',
    registers,
    collect() {
      this.set(load.snapshot().pending);
    },
  });
  new Counter({
    name: 'aftercare_store_write_faults_total',
    help: 'Best-effort store writes that failed (question records, check-in answers); the replies went out',
    registers,
    collect() {
      this.reset();
      this.inc(store.writeFaults.snapshot().failures);
    },
  });
}
