import type { Config } from '../config/config-schema';
import type { KnowledgeState } from '../knowledge/knowledge-state';
import type { Logger } from '../logging/logger';
import type { AdapterRegistry } from '../platform/adapter';
import type { Store } from '../store/store';
import type { Clock } from '../time/clock';

/** Everything commands may use. Adapters fill `adapters` after they are created. */
export interface CoreDeps {
  config: Config;
  knowledge: KnowledgeState;
  store: Store;
  clock: Clock;
  logger: Logger;
  adapters: AdapterRegistry;
}
