import type { Middleware } from './turn';

/** Hands the reply to the adapter once everything below has decided it. */
export const deliverReply: Middleware = async (turn, next) => {
  await next();
  if (turn.reply) await turn.delivery.send(turn.reply);
};
