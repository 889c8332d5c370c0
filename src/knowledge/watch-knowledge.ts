import type { Logger } from '../logging/logger';
import { KnowledgeError, loadKnowledgeInSlices } from './load-knowledge';
import type { KnowledgeState } from './knowledge-state';

export type ReloadResult = { ok: true; changed: boolean; version: string } | { ok: false; error: string };

/**
 * Loads the pack again (src/app/knowledge-folder-watcher.ts calls it on every change); a bad edit is refused and
 * logged, and the last good pack stays live. The files are read and the matcher built in slices, so replies go on
 * meanwhile from the last good pack; a reload overtaken by a later edit changes nothing.
 */
export async function reloadKnowledge(state: KnowledgeState, dir: string, logger: Logger): Promise<ReloadResult> {
  try {
    const next = await loadKnowledgeInSlices(dir);
    if (next.version === state.knowledge.version) return { ok: true, changed: false, version: next.version };
    if (!(await state.replaceInBackground(next))) {
      logger.info({ version: next.version }, 'knowledge reload overtaken by a later edit');
      return { ok: true, changed: false, version: next.version };
    }
    logger.info({ version: next.version, entries: next.entries.length }, 'knowledge pack reloaded');
    return { ok: true, changed: true, version: next.version };
  } catch (error) {
    const message = error instanceof KnowledgeError ? error.message : String(error);
    logger.error({ problem: message }, 'knowledge edit refused; the previous pack stays live');
    return { ok: false, error: message };
  }
}
