import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { KnowledgeState } from '../../src/knowledge/knowledge-state';
import type { Knowledge } from '../../src/knowledge/knowledge-schema';
import { loadKnowledge } from '../../src/knowledge/load-knowledge';
import { reloadKnowledge } from '../../src/knowledge/watch-knowledge';
import { silentLogger } from '../../src/logging/logger';
import { copyKnowledge, editFaq } from '../support/knowledge-copy';
import { KNOWLEDGE_DIR } from '../support/test-core';

/** Issue 9 #8: a knowledge edit is built while replies go on. */
describe('replacing the live knowledge pack in the background', () => {
  const pack = loadKnowledge(KNOWLEDGE_DIR);
  const QUESTION = 'does microneedling hurt';
  const edited = (mark: string): Knowledge => ({
    ...pack,
    version: `${pack.version}-${mark}`,
    entries: pack.entries.map((e) => (e.id === 'pain-and-numbing' ? { ...e, answer: `${e.answer} (${mark})` } : e)),
  });
  const answerTo = (state: KnowledgeState): string => {
    const result = state.matcher.match(QUESTION);
    return result.kind === 'answer' ? result.entry.answer : result.kind;
  };
  /** Waits for `work`, asking the question at every turn of the event loop meanwhile. */
  async function whileTurning<T>(state: KnowledgeState, work: Promise<T>): Promise<{ result: T; turns: number; answersMeanwhile: string[] }> {
    let done = false;
    const settled = work.finally(() => {
      done = true;
    });
    let turns = 0;
    const answers = new Set<string>();
    while (!done) {
      await nextTurn();
      turns++;
      if (!done) answers.add(answerTo(state));
    }
    return { result: await settled, turns, answersMeanwhile: [...answers] };
  }

  it('answers from the current pack while the new one builds, with the event loop turning, then from the new one', async () => {
    const state = new KnowledgeState(pack);
    const before = answerTo(state);
    const { result, turns, answersMeanwhile } = await whileTurning(state, state.replaceInBackground(edited('edited')));
    expect(result).toBe(true);
    // A build that held the event loop would have let no turn through before it finished.
    expect(turns).toBeGreaterThan(3);
    expect(answersMeanwhile).toEqual([before]);
    expect(answerTo(state)).toMatch(/\(edited\)$/);
    expect(state.knowledge.version).toBe(`${pack.version}-edited`);
  });

  it('drops a background build that a later replacement overtook', async () => {
    const state = new KnowledgeState(pack);
    const replaced: string[] = [];
    state.onReplace((next) => replaced.push(next.version));
    const slow = state.replaceInBackground(edited('first'));
    state.replace(edited('second'));
    expect(await slow).toBe(false);
    expect(answerTo(state)).toMatch(/\(second\)$/);
    expect(replaced).toEqual([`${pack.version}-second`]);
  });

  it('reloads an edited folder (files read, matcher built) with the event loop turning throughout', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'aftercare-reload-'));
    try {
      const dir = copyKnowledge(root);
      const state = new KnowledgeState(loadKnowledge(dir));
      const before = answerTo(state);
      editFaq(dir, (doc) => {
        const pain = doc.entries.find((e) => e.id === 'pain-and-numbing');
        if (pain) pain.answer = `${String(pain.answer)} (reloaded)`;
      });
      const { result, turns, answersMeanwhile } = await whileTurning(state, reloadKnowledge(state, dir, silentLogger()));
      expect(result).toMatchObject({ ok: true, changed: true });
      expect(turns).toBeGreaterThan(3);
      expect(answersMeanwhile).toEqual([before]);
      expect(answerTo(state)).toMatch(/\(reloaded\)$/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
