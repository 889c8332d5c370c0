import type { ConversationCore } from '../../src/conversation/conversation-core';
import type { IncomingMessage } from '../../src/conversation/incoming-message';
import type { Reply } from '../../src/conversation/reply';

/** Something that answers a message: the real route behind the pipeline, or a test's replacement of it. */
export interface Answerer {
  handle(message: IncomingMessage): Promise<Reply>;
}

/** A test's stand-in for part of the core (fail once, echo, answer slowly), wrapped around the real route. */
export type CoreWrapper = (real: Answerer) => Answerer;

/**
 * Installs a wrapper as middleware, inside the core's error boundary and delivery: `real.handle` runs the rest of
 * the pipeline (commands and questions) and a throw reaches the boundary as any handler failure would.
 */
export function useWrapper(core: ConversationCore, wrap: CoreWrapper): void {
  core.use(async (turn, next) => {
    const real: Answerer = {
      handle: async () => {
        await next();
        if (!turn.reply) throw new Error('the route set no reply');
        return turn.reply;
      },
    };
    turn.reply = await wrap(real).handle(turn.message);
  });
}

/** Keeps every message the core is asked to handle, in order. */
export function recordMessages(core: ConversationCore): IncomingMessage[] {
  const seen: IncomingMessage[] = [];
  core.use(async (turn, next) => {
    seen.push(turn.message);
    await next();
  });
  return seen;
}

/** For adapter tests that never get as far as an event (start-up): any use is a test bug. */
export const UNUSED_CORE: ConversationCore = {
  dispatch: async () => Promise.reject(new Error('not used')),
  handle: async () => Promise.reject(new Error('not used')),
  use: () => undefined,
  idle: async () => undefined,
  topicChoices: async () => [],
};
