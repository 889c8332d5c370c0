import { ACTIONS, COMMANDS, type CommandRegistry } from '../commands/command-registry';
import { topicChoices } from '../moderation/topic-choices';
import type { ConversationCore } from './conversation-core';
import type { CoreDeps } from './core-deps';
import type { IncomingMessage } from './incoming-message';
import { deliverReply } from './middleware/deliver-reply';
import { errorBoundary } from './middleware/error-boundary';
import { logEvents } from './middleware/log-events';
import { privateReplies } from './middleware/private-replies';
import { questionRecords } from './middleware/question-records';
import { rateLimit } from './middleware/rate-limit';
import { compose, type Delivery, type Middleware, type Turn } from './middleware/turn';
import type { Reply } from './reply';
import { routeMessage } from './route-message';

/**
 * The platform-neutral conversation: the middleware pipeline in this order, then commands, button actions,
 * check-in answers and questions (route-message.ts). `registry` is the bot's own unless a test brings one.
 */
export function createCore(deps: CoreDeps, registry: CommandRegistry = { commands: COMMANDS, actions: ACTIONS }): ConversationCore {
  const pipeline: Middleware[] = [
    errorBoundary(deps.logger),
    deliverReply,
    // Logged and recorded once the reply is decided, before it is sent: when the person sees the answer, the log
    // line and the moderators' view are there already. A failed record never reaches the person.
    logEvents(deps.logger, deps.settings.logMessageContent),
    questionRecords(deps),
    rateLimit(deps.clock, deps.settings.rateLimit),
    privateReplies,
  ];
  const route = routeMessage(deps, registry);
  const inFlight = new Set<Promise<void>>();

  async function dispatch(message: IncomingMessage, delivery: Delivery): Promise<void> {
    // Overload: past the bound the event is dropped (counted) rather than answered many seconds late.
    if (!deps.load.tryEnter()) {
      deps.logger.debug({ platform: message.platform, event: delivery.event }, 'event shed: too many in progress');
      return;
    }
    const turn: Turn = { message, delivery, reply: null, route: null, asked: null, privateAnswer: false };
    const run = compose(pipeline, route)(turn);
    inFlight.add(run);
    try {
      await run;
    } finally {
      inFlight.delete(run);
      deps.load.leave();
    }
  }

  return {
    dispatch,
    async handle(message) {
      let kept: Reply | null = null;
      await dispatch(message, {
        event: 'handle',
        send: async (reply) => {
          kept = reply;
        },
      });
      if (!kept) throw new Error('the pipeline delivered no reply');
      return kept;
    },
    // Added middleware runs inside the built-in ones, just before the route.
    use: (middleware) => void pipeline.push(middleware),
    idle: async () => {
      await Promise.allSettled([...inFlight]);
    },
    topicChoices: async (request) => {
      try {
        return await topicChoices(deps, request);
      } catch (error) {
        deps.logger.warn({ err: error, platform: request.platform }, 'topic choices failed; none offered');
        return [];
      }
    },
  };
}
