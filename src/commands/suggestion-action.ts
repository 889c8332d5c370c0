import { replyForEntry } from '../conversation/reply-for-match';
import { infoReply, SUGGESTION_ACTION_PREFIX } from '../conversation/reply';
import type { ActionHandler } from './command';

/** A "did you mean" button: answers that entry. */
export const suggestionAction: ActionHandler = {
  prefix: SUGGESTION_ACTION_PREFIX,
  preconditions: [],
  run: ({ deps, value }) =>
    replyForEntry(deps.knowledge.knowledge, value) ??
    infoReply('That topic is no longer in the guide. Type "topics" to see what I cover.', { kind: 'error' }),
};
