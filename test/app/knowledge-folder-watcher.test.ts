import { cpSync, mkdtempSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { watchKnowledgeFolder } from '../../src/app/knowledge-folder-watcher';
import { KnowledgeState } from '../../src/knowledge/knowledge-state';
import { loadKnowledge } from '../../src/knowledge/load-knowledge';
import type { ReloadResult } from '../../src/knowledge/watch-knowledge';
import { silentLogger } from '../../src/logging/logger';
import { editFaq } from '../support/knowledge-copy';
import { KNOWLEDGE_DIR } from '../support/test-core';

/** Issue 11 #6: the watch survives the folder being replaced, as deploys and Kubernetes ConfigMaps do it. */
describe('watching a knowledge folder that gets replaced', () => {
  let root: string;
  let watcher: { close(): void } | null = null;
  let results: ReloadResult[];
  let waiters: Array<() => void>;

  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'aftercare-watch-'));
    results = [];
    waiters = [];
  });
  afterEach(() => {
    watcher?.close();
    rmSync(root, { recursive: true, force: true });
  });

  function start(dir: string): KnowledgeState {
    const state = new KnowledgeState(loadKnowledge(dir));
    watcher = watchKnowledgeFolder(state, dir, silentLogger(), {
      quietMs: 50,
      pollMs: 100,
      onReload: (result) => {
        results.push(result);
        for (const w of waiters.splice(0)) w();
      },
    });
    return state;
  }

  /** Resolves with the next reload that changed the pack. */
  async function nextChange(): Promise<void> {
    for (;;) {
      await new Promise<void>((resolve) => waiters.push(resolve));
      const last = results[results.length - 1];
      if (last?.ok && last.changed) return;
    }
  }

  const renameAnswer = (dir: string, answer: string) =>
    editFaq(dir, (doc) => {
      doc.entries[0]!.answer = answer;
    });

  it('follows a folder moved into place, and later edits inside the new one', async () => {
    const live = path.join(root, 'knowledge');
    cpSync(KNOWLEDGE_DIR, live, { recursive: true });
    const state = start(live);
    const next = path.join(root, 'knowledge.new');
    cpSync(KNOWLEDGE_DIR, next, { recursive: true });
    renameAnswer(next, 'Answer from the deployed folder.');
    let changed = nextChange();
    renameSync(live, path.join(root, 'knowledge.old'));
    renameSync(next, live);
    await changed;
    expect(state.knowledge.entries[0]!.answer).toBe('Answer from the deployed folder.');
    changed = nextChange();
    renameAnswer(live, 'Edited after the swap.');
    await changed;
    expect(state.knowledge.entries[0]!.answer).toBe('Edited after the swap.');
  });

  it('follows a symlink swapped to a new release, and later edits in its target', async () => {
    const v1 = path.join(root, 'v1');
    const v2 = path.join(root, 'v2');
    cpSync(KNOWLEDGE_DIR, v1, { recursive: true });
    cpSync(KNOWLEDGE_DIR, v2, { recursive: true });
    renameAnswer(v2, 'Answer from release 2.');
    const current = path.join(root, 'current');
    symlinkSync(v1, current);
    const state = start(current);
    let changed = nextChange();
    // The atomic swap deploy tools do: a new link renamed over the old one.
    symlinkSync(v2, `${current}.tmp`);
    renameSync(`${current}.tmp`, current);
    await changed;
    expect(state.knowledge.entries[0]!.answer).toBe('Answer from release 2.');
    changed = nextChange();
    renameAnswer(v2, 'Edited in release 2.');
    await changed;
    expect(state.knowledge.entries[0]!.answer).toBe('Edited in release 2.');
  });
});
