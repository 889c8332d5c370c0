import { type FSWatcher, watch } from 'node:fs';
import type { Logger } from '../logging/logger';
import { KnowledgeError, loadKnowledge } from './load-knowledge';
import type { KnowledgeState } from './knowledge-state';

export type ReloadResult = { ok: true; changed: boolean; version: string } | { ok: false; error: string };

/** Loads the pack again; a bad edit is refused and logged, and the last good pack stays live. */
export function reloadKnowledge(state: KnowledgeState, dir: string, logger: Logger): ReloadResult {
  try {
    const next = loadKnowledge(dir);
    if (next.version === state.knowledge.version) return { ok: true, changed: false, version: next.version };
    state.replace(next);
    logger.info({ version: next.version, entries: next.entries.length }, 'knowledge pack reloaded');
    return { ok: true, changed: true, version: next.version };
  } catch (error) {
    const message = error instanceof KnowledgeError ? error.message : String(error);
    logger.error({ problem: message }, 'knowledge edit refused; the previous pack stays live');
    return { ok: false, error: message };
  }
}

/**
 * Reloads when a file in the folder changes. Editors write in bursts (truncate, write, rename),
 * so changes are gathered for a short quiet period before one reload.
 */
export function watchKnowledge(
  state: KnowledgeState,
  dir: string,
  logger: Logger,
  options: { quietMs?: number; onReload?: (result: ReloadResult) => void } = {},
): { close(): void } {
  let timer: NodeJS.Timeout | null = null;
  let watcher: FSWatcher | null = null;
  try {
    watcher = watch(dir, () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        const result = reloadKnowledge(state, dir, logger);
        options.onReload?.(result);
      }, options.quietMs ?? 300);
    });
    watcher.on('error', (error) => logger.warn({ err: error }, 'watching the knowledge folder failed'));
  } catch (error) {
    logger.warn({ err: error, dir }, 'cannot watch the knowledge folder; edits need a restart');
  }
  return {
    close() {
      if (timer) clearTimeout(timer);
      watcher?.close();
    },
  };
}
