import type { TopicChoice, TopicChoiceRequest } from '../moderation/topic-choices';
import type { IncomingMessage } from './incoming-message';
import type { Reply } from './reply';

/** What every adapter talks to: one call per incoming event, a Reply back. Never throws for bad input. */
export interface ConversationCore {
  handle(message: IncomingMessage): Promise<Reply>;
  /**
   * FAQ topics for a half-typed moderator command (Discord's autocomplete on `/faq pin topic:`), from the live
   * pack. Optional: a core without it (test doubles) simply offers no choices.
   */
  topicChoices?(request: TopicChoiceRequest): TopicChoice[];
}
