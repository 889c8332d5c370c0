import type { QuietHours } from '../config/config-schema';
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
}

/** Everything commands may use. Adapters fill `adapters` after they are created. */
export interface CoreDeps {
  settings: CoreSettings;
  knowledge: KnowledgeState;
  store: Store;
  clock: Clock;
  logger: Logger;
  adapters: AdapterRegistry;
}

/** The conversation's settings out of the validated config. */
export function coreSettings(config: { DEFAULT_TIMEZONE: string; QUIET_HOURS: QuietHours; LOG_MESSAGE_CONTENT: boolean }): CoreSettings {
  return { defaultTimezone: config.DEFAULT_TIMEZONE, quietHours: config.QUIET_HOURS, logMessageContent: config.LOG_MESSAGE_CONTENT };
}
