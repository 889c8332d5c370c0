import { type FSWatcher, readdirSync, realpathSync, statSync, watch } from 'node:fs';
import path from 'node:path';
import type { KnowledgeState } from '../knowledge/knowledge-state';
import { type ReloadResult, reloadKnowledge } from '../knowledge/watch-knowledge';
import type { Logger } from '../logging/logger';

export interface KnowledgeWatchOptions {
  /** Editors write in bursts (truncate, write, rename): changes are gathered this long before one reload. */
  quietMs?: number;
  /** How often the folder's identity and its files' stamps are compared (the safety net under fs.watch). */
  pollMs?: number;
  onReload?: (result: ReloadResult) => void;
}

/**
 * Keeps watching KNOWLEDGE_DIR when it is replaced: a deploy that moves a new folder into place, a symlink swapped
 * to a new release, a Kubernetes ConfigMap (whose files are symlinks through a swapped `..data` link). fs.watch
 * follows the inode it started on and goes quiet when that folder is replaced, so a poll compares the folder's
 * real path and inode and every file's stamp (through symlinks): a new folder gets a new fs.watch and a reload; a
 * change fs.watch missed still reloads, within one poll.
 */
export function watchKnowledgeFolder(state: KnowledgeState, dir: string, logger: Logger, options: KnowledgeWatchOptions = {}): { close(): void } {
  const quietMs = options.quietMs ?? 300;
  let timer: NodeJS.Timeout | null = null;
  let watcher: FSWatcher | null = null;
  let identity = folderIdentity(dir);
  let stamps = fileStamps(dir);
  let closed = false;

  const reloadSoon = () => {
    if (closed) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      stamps = fileStamps(dir);
      // Not inlined into `onReload?.(…)`: optional chaining would skip the reload itself when no one listens.
      const reloading = reloadKnowledge(state, dir, logger);
      void reloading.then((result) => options.onReload?.(result));
    }, quietMs);
  };

  const watchCurrent = () => {
    watcher?.close();
    watcher = null;
    try {
      watcher = watch(dir, reloadSoon);
      watcher.on('error', (error) => logger.warn({ err: error }, 'watching the knowledge folder failed; polling continues'));
    } catch (error) {
      logger.warn({ err: error, dir }, 'cannot watch the knowledge folder; polling for changes instead');
    }
  };
  watchCurrent();

  const poll = setInterval(() => {
    const nowIdentity = folderIdentity(dir);
    if (nowIdentity === null) return; // mid-swap or gone: the last good pack stays live; look again next time
    if (nowIdentity !== identity) {
      identity = nowIdentity;
      logger.info({ dir }, 'knowledge folder replaced; watching the new one');
      watchCurrent();
      reloadSoon();
      return;
    }
    const nowStamps = fileStamps(dir);
    if (nowStamps !== stamps && timer === null) {
      stamps = nowStamps;
      reloadSoon();
    }
  }, options.pollMs ?? 2000);
  poll.unref();

  return {
    close() {
      closed = true;
      clearInterval(poll);
      if (timer) clearTimeout(timer);
      watcher?.close();
    },
  };
}

/** Real path and inode of the folder, or null while it does not exist. */
function folderIdentity(dir: string): string | null {
  try {
    const real = realpathSync(dir);
    const s = statSync(real);
    return `${real}:${s.dev}:${s.ino}`;
  } catch {
    return null;
  }
}

/** Name, inode, size and mtime of every file (following symlinks), as one comparable string. */
function fileStamps(dir: string): string {
  try {
    return readdirSync(dir)
      .filter((name) => !name.startsWith('.'))
      .sort()
      .map((name) => {
        try {
          const s = statSync(path.join(dir, name));
          return s.isFile() ? `${name}:${s.ino}:${s.size}:${s.mtimeMs}` : '';
        } catch {
          return `${name}:missing`;
        }
      })
      .join('|');
  } catch {
    return '';
  }
}
