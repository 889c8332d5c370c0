import type { TopicChoice, TopicChoiceRequest } from '../moderation/topic-choices';
import type { IncomingMessage } from './incoming-message';
import type { Delivery, Middleware } from './middleware/turn';
import type { Reply } from './reply';

/** What every adapter talks to: one call per incoming event; the core decides the reply and hands it back. */
export interface ConversationCore {
  /**
   * One incoming event through the pipeline (error boundary, logging, records, rate limit, privacy, command or
   * question); the reply, or an apology after a failure, goes out through `delivery`. Never throws.
   */
  dispatch(message: IncomingMessage, delivery: Delivery): Promise<void>;
  /** The reply the pipeline would deliver (the CLI, tests): `dispatch` with a delivery that keeps it. */
  handle(message: IncomingMessage): Promise<Reply>;
  /** Adds middleware just before the commands and questions (after the built-in ones). */
  use(middleware: Middleware): void;
  /** Resolves when every event in progress has been answered (adapters wait for it when stopping). */
  idle(): Promise<void>;
  /**
   * FAQ topics for a half-typed moderator command (autocomplete), from the live pack. Never throws: a failure
   * is logged and offers no choices.
   */
  topicChoices(request: TopicChoiceRequest): Promise<TopicChoice[]>;
}
