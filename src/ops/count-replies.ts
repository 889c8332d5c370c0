import { performance } from 'node:perf_hooks';
import type { ConversationCore } from '../conversation/conversation-core';
import type { Metrics } from './metrics';

/** The core with each reply counted by kind and timed; adapters are handed this instead of the core itself. */
export function countReplies(core: ConversationCore, metrics: Metrics): ConversationCore {
  return {
    ...core,
    topicChoices: core.topicChoices?.bind(core),
    async handle(message) {
      const started = performance.now();
      const reply = await core.handle(message);
      metrics.replies.inc({ platform: message.platform, kind: reply.kind });
      metrics.replySeconds.observe({ platform: message.platform }, (performance.now() - started) / 1000);
      return reply;
    },
  };
}
