import type { Middleware } from './turn';

/**
 * Privacy policy: a command that declares private answers (check-ins, forget-me, moderator tools) is answered
 * so only the asker sees it whenever it was asked outside a direct message; refusals are private everywhere.
 */
export const privateReplies: Middleware = async (turn, next) => {
  await next();
  if (!turn.reply) return;
  const outsideDirect = !turn.message.channel.isDirect;
  if ((turn.privateAnswer && outsideDirect) || turn.reply.kind === 'refusal') turn.reply = { ...turn.reply, ephemeral: true };
};
