import type { IncomingMessage } from './incoming-message';
import type { Reply } from './reply';

/** What every adapter talks to: one call per incoming event, a Reply back. Never throws for bad input. */
export interface ConversationCore {
  handle(message: IncomingMessage): Promise<Reply>;
}
