import { createMatcher, createMatcherInSlices } from '../matching/create-matcher';
import type { Matcher } from '../matching/match-result';
import type { Knowledge } from './knowledge-schema';

/** The live knowledge pack and the matcher built from it; replaced whole when the pack is reloaded. */
export class KnowledgeState {
  private pack: { knowledge: Knowledge; matcher: Matcher };
  private readonly listeners: Array<(next: Knowledge, previous: Knowledge) => void> = [];
  /** Counts replacements begun: a background build that a later one overtook is dropped. */
  private generation = 0;

  constructor(knowledge: Knowledge) {
    this.pack = { knowledge, matcher: createMatcher(knowledge) };
  }

  get knowledge(): Knowledge {
    return this.pack.knowledge;
  }

  get matcher(): Matcher {
    return this.pack.matcher;
  }

  /** Swaps in a new validated pack (the matcher is built first, so a failure keeps the old one). */
  replace(knowledge: Knowledge): void {
    this.generation++;
    this.swap(knowledge, createMatcher(knowledge));
  }

  /**
   * The same, with the matcher built in slices between other events: questions asked meanwhile are answered
   * from the current pack, without waiting for the build. Resolves false when a later replacement overtook
   * this one (its pack is then never used); rejects, keeping the current pack, when the build fails.
   */
  async replaceInBackground(knowledge: Knowledge): Promise<boolean> {
    const generation = ++this.generation;
    const matcher = await createMatcherInSlices(knowledge);
    if (generation !== this.generation) return false;
    this.swap(knowledge, matcher);
    return true;
  }

  onReplace(listener: (next: Knowledge, previous: Knowledge) => void): void {
    this.listeners.push(listener);
  }

  private swap(knowledge: Knowledge, matcher: Matcher): void {
    const previous = this.pack.knowledge;
    this.pack = { knowledge, matcher };
    for (const listener of this.listeners) listener(knowledge, previous);
  }
}
