import type { CoreDeps } from '../conversation/core-deps';
import type { IncomingMessage } from '../conversation/incoming-message';
import { infoReply, type Reply } from '../conversation/reply';

/** "forget me": deletes every row about the user in every table and says what went. */
export async function forgetMe(deps: Pick<CoreDeps, 'store'>, message: IncomingMessage): Promise<Reply> {
  const c = await deps.store.forgetUser(message.platform, message.user.id);
  const n = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
  return infoReply(
    [
      'Done: I deleted everything I had stored about you:',
      `• ${n(c.subscriptions, 'check-in subscription', 'check-in subscriptions')}`,
      `• ${n(c.scheduledCheckins, 'scheduled check-in', 'scheduled check-ins')}`,
      `• ${n(c.responses, 'check-in answer', 'check-in answers')}`,
      `• ${n(c.unreachable, 'note that I could not reach you', 'notes that I could not reach you')}`,
      `• ${n(c.questions, 'question record', 'question records')}`,
      'Nothing more will be sent to you. Messages you posted in a channel stay there; the platform and its moderators control those.',
    ].join('\n'),
    // In a channel only the asker should see what was deleted.
    { ephemeral: !message.channel.isDirect },
  );
}
