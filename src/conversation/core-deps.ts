import type { Config, QuietHours } from '../config/config-schema';
import type { LoadMeter } from './load-meter';
import type { RateLimitOptions } from './middleware/rate-limit';
import type { KnowledgeState } from '../knowledge/knowledge-state';
import type { Logger } from '../logging/logger';
import type { AdapterRegistry } from '../platform/adapter';
import type { Store } from '../store/store';
import type { Clock } from '../time/clock';

/** The settings the conversation uses: never the whole config (commands have no business with tokens). */
export interface CoreSettings {
  /** IANA zone for check-ins when the person gives none and the platform knows none. */
  defaultTimezone: string;
  quietHours: QuietHours;
  /** Message text may be logged (debug) only when this is on. */
  logMessageContent: boolean;
  /** Per-person token bucket: a burst, then one event per refill period. */
  rateLimit: RateLimitOptions;
  /** Question records one person may add per UTC day; more are answered but not recorded. */
  questionRecordsPerDay: number;
}

/** Everything commands may use. Adapters fill `adapters` after they are created. */
export interface CoreDeps {
  settings: CoreSettings;
  knowledge: KnowledgeState;
  store: Store;
  clock: Clock;
  logger: Logger;
  adapters: AdapterRegistry;
  /** Events in progress, bounded (overload is shed); scheduled DMs wait for replies to people. */
  load: LoadMeter;
}

/** The conversation's settings out of the validated config. */
export function coreSettings(
  config: Pick<Config, 'DEFAULT_TIMEZONE' | 'QUIET_HOURS' | 'LOG_MESSAGE_CONTENT' | 'RATE_LIMIT_BURST' | 'RATE_LIMIT_REFILL_SECONDS' | 'QUESTION_RECORDS_PER_USER_PER_DAY'>,
): CoreSettings {
  return {
    defaultTimezone: config.DEFAULT_TIMEZONE,
    quietHours: config.QUIET_HOURS,
    logMessageContent: config.LOG_MESSAGE_CONTENT,
    rateLimit: { burst: config.RATE_LIMIT_BURST, refillMs: config.RATE_LIMIT_REFILL_SECONDS * 1000 },
    questionRecordsPerDay: config.QUESTION_RECORDS_PER_USER_PER_DAY,
  };
}
