import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Command } from '../../src/commands/command';
import { ACTIONS, COMMANDS } from '../../src/commands/command-registry';
import type { Config } from '../../src/config/config-schema';
import { loadConfig } from '../../src/config/load-config';
import type { ConversationCore } from '../../src/conversation/conversation-core';
import type { CoreDeps } from '../../src/conversation/core-deps';
import { coreSettings } from '../../src/conversation/core-deps';
import { LoadMeter } from '../../src/conversation/load-meter';
import { createCore } from '../../src/conversation/create-core';
import type { Knowledge } from '../../src/knowledge/knowledge-schema';
import { KnowledgeState } from '../../src/knowledge/knowledge-state';
import { loadKnowledge } from '../../src/knowledge/load-knowledge';
import { type Logger, silentLogger } from '../../src/logging/logger';
import type { AdapterRegistry } from '../../src/platform/adapter';
import { openStore } from '../../src/store/open-store';
import type { Store } from '../../src/store/store';
import { ManualClock } from '../../src/time/clock';

export const KNOWLEDGE_DIR = path.join(__dirname, '..', '..', 'knowledge');

export interface TestCore {
  core: ConversationCore;
  deps: CoreDeps;
  store: Store;
  knowledge: KnowledgeState;
  clock: ManualClock;
  adapters: AdapterRegistry;
  config: Config;
  /** The temp folder holding the database (and anything else the test writes). */
  dir: string;
  cleanup(): Promise<void>;
}

export interface TestCoreOptions {
  /** Extra settings, as environment strings. */
  env?: Record<string, string>;
  /** Start time for the manual clock. */
  now?: Date;
  knowledge?: Knowledge;
  /** Where the core logs (adapter tests capture it); silent by default. */
  logger?: Logger;
  /** The commands the core knows, when a test adds one (the bot's own by default). */
  commands?: readonly Command[];
}

/** A real core: the real knowledge pack and a real SQLite file in a temp folder (or PostgreSQL, see env). */
export async function createTestCore(options: TestCoreOptions = {}): Promise<TestCore> {
  const dir = mkdtempSync(path.join(tmpdir(), 'aftercare-test-'));
  const config = loadConfig({
    DATABASE_PATH: path.join(dir, 'aftercare.db'),
    KNOWLEDGE_DIR,
    LOG_LEVEL: 'silent',
    ...options.env,
  });
  const knowledge = new KnowledgeState(options.knowledge ?? loadKnowledge(KNOWLEDGE_DIR));
  // DATABASE_URL in env: the PostgreSQL store (test/store/support/store-kinds.ts gives each test a schema).
  const store = await openStore(config);
  const clock = new ManualClock(options.now ?? new Date('2026-11-26T10:00:00Z'));
  const adapters: AdapterRegistry = new Map();
  const deps: CoreDeps = { settings: coreSettings(config), knowledge, store, clock, logger: options.logger ?? silentLogger(), adapters, load: new LoadMeter(config.MAX_PENDING_EVENTS) };
  return {
    core: createCore(deps, { commands: options.commands ?? COMMANDS, actions: ACTIONS }),
    deps,
    store,
    knowledge,
    clock,
    adapters,
    config,
    dir,
    async cleanup() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
