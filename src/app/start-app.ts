import type { Readable, Writable } from 'node:stream';
import { createAdapters } from '../../adapters/start-adapters';
import type { Config } from '../config/config-schema';
import type { ConversationCore } from '../conversation/conversation-core';
import { createCore } from '../conversation/create-core';
import { loadKnowledge } from '../knowledge/load-knowledge';
import { KnowledgeState } from '../knowledge/knowledge-state';
import type { Logger } from '../logging/logger';
import type { AdapterRegistry } from '../platform/adapter';
import { createStore, type Store } from '../store/store';
import type { Clock } from '../time/clock';

export interface AppOptions {
  config: Config;
  logger: Logger;
  clock: Clock;
  input: Readable;
  output: Writable;
  interactive: boolean;
}

export interface RunningApp {
  core: ConversationCore;
  store: Store;
  knowledge: KnowledgeState;
  adapters: AdapterRegistry;
  /** Resolves when the terminal chat's input ends; null when no shell runs. */
  shellFinished: Promise<void> | null;
  stop(): Promise<void>;
}

/** Wires config, knowledge, store, core and adapters, and starts them. Throws KnowledgeError on a bad pack. */
export async function startApp(options: AppOptions): Promise<RunningApp> {
  const { config, logger, clock } = options;
  const knowledge = new KnowledgeState(loadKnowledge(config.KNOWLEDGE_DIR));
  const store = createStore(config.DATABASE_PATH);
  const adapters: AdapterRegistry = new Map();
  const core = createCore({ config, knowledge, store, clock, logger, adapters });

  const created = await createAdapters({ ...options, core, logger });
  for (const adapter of created.adapters) adapters.set(adapter.platform, adapter);
  await Promise.all(created.adapters.map((a) => a.start()));
  logger.info(
    { platforms: [...adapters.keys()], knowledgeVersion: knowledge.knowledge.version, entries: knowledge.knowledge.entries.length },
    'aftercare-bot started',
  );

  let stopped = false;
  return {
    core,
    store,
    knowledge,
    adapters,
    shellFinished: created.shell?.finished ?? null,
    async stop() {
      if (stopped) return;
      stopped = true;
      await Promise.allSettled(created.adapters.map((a) => a.stop()));
      store.close();
    },
  };
}
