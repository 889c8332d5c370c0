import { createMatcher } from '../matching/create-matcher';
import type { Matcher } from '../matching/match-result';
import type { Knowledge } from './knowledge-schema';

/** The live knowledge pack and the matcher built from it; replaced whole when the pack is reloaded. */
export class KnowledgeState {
  private pack: { knowledge: Knowledge; matcher: Matcher };
  private readonly listeners: Array<(next: Knowledge, previous: Knowledge) => void> = [];

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
    const previous = this.pack.knowledge;
    this.pack = { knowledge, matcher: createMatcher(knowledge) };
    for (const listener of this.listeners) listener(knowledge, previous);
  }

  onReplace(listener: (next: Knowledge, previous: Knowledge) => void): void {
    this.listeners.push(listener);
  }
}
