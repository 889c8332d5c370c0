import type { MatchResult } from '../../matching/match-result';
import type { IncomingMessage } from '../incoming-message';
import type { Reply } from '../reply';

/** How the reply to one event reaches the person: the adapter renders and sends, the core decides what. */
export interface Delivery {
  /** What the event was, for logs ("message", "/ask", "app_mention"…). */
  readonly event: string;
  send(reply: Reply): Promise<void>;
  /**
   * The apology after a failure, where it must go another way than `send` (an interaction already answered
   * takes a follow-up). Defaults to `send`.
   */
  apologize?(reply: Reply): Promise<void>;
}

/** One incoming event on its way through the pipeline. Middleware reads it and may set what comes back. */
export interface Turn {
  readonly message: IncomingMessage;
  readonly delivery: Delivery;
  /** The answer, once a handler (or a middleware that stops early) has set it. */
  reply: Reply | null;
  /** What answered: a command name, "action", "check-in answer", "small talk" or "question" (logs). */
  route: string | null;
  /** The match behind a question's reply, for the question record written after delivery. */
  asked: MatchResult | null;
  /** The command declares its answers private: only the asker sees them outside a direct message. */
  privateAnswer: boolean;
}

/** Bot Framework / Bolt style: do something, `await next()` to run the rest, do something after. */
export type Middleware = (turn: Turn, next: () => Promise<void>) => Promise<void>;

/** Runs the middleware in order around `last`. */
export function compose(middleware: readonly Middleware[], last: (turn: Turn) => Promise<void>): (turn: Turn) => Promise<void> {
  return (turn) => {
    const run = (index: number): Promise<void> => {
      const current = middleware[index];
      return current ? current(turn, () => run(index + 1)) : last(turn);
    };
    return run(0);
  };
}
