import type { webApi } from '@slack/bolt';
import type { MessageRef } from '../../src/platform/adapter';
import { PlatformError } from '../../src/platform/platform-error';
import type { SlackMessage } from './render-slack-reply';
import { type SlackCallPurpose, slackErrorString, toPlatformError } from './slack-errors';

/** The Web API calls the adapter makes. Every failure comes out as a PlatformError (cause kept). */
export class SlackWebCalls {
  constructor(private readonly client: webApi.WebClient) {}

  async post(
    target: { channel: string; threadTs?: string },
    message: SlackMessage,
    purpose: SlackCallPurpose,
    metadata?: { event_type: string; event_payload: Record<string, string> },
  ): Promise<MessageRef> {
    const result = await call('chat.postMessage', purpose, () =>
      this.client.chat.postMessage({
        channel: target.channel,
        thread_ts: target.threadTs,
        // Source names and answers must not grow link previews.
        unfurl_links: false,
        unfurl_media: false,
        ...message,
        ...(metadata ? { metadata } : {}),
      }),
    );
    if (!result.ts) throw new PlatformError('failed', 'Slack chat.postMessage returned no ts');
    return { platform: 'slack', channelId: result.channel ?? target.channel, messageId: result.ts };
  }

  async postEphemeral(target: { channel: string; userId: string; threadTs?: string }, message: SlackMessage): Promise<void> {
    await call('chat.postEphemeral', 'channel', () =>
      this.client.chat.postEphemeral({ channel: target.channel, user: target.userId, thread_ts: target.threadTs, ...message }),
    );
  }

  /** The newest messages of a channel with their metadata (im:history). */
  async recentWithMetadata(channel: string, limit: number): Promise<Array<{ ts?: string; metadata?: { event_type?: string; event_payload?: Record<string, unknown> } }>> {
    const result = await call('conversations.history', 'lookup', () =>
      this.client.conversations.history({ channel, limit, include_all_metadata: true }),
    );
    return (result.messages ?? []) as Array<{ ts?: string; metadata?: { event_type?: string; event_payload?: Record<string, unknown> } }>;
  }

  /** The bot's DM channel with a user (conversations.open is idempotent). */
  async openDirect(userId: string): Promise<string> {
    const result = await call('conversations.open', 'direct', () => this.client.conversations.open({ users: userId }));
    const id = result.channel?.id;
    if (!id) throw new PlatformError('failed', 'Slack conversations.open returned no channel');
    return id;
  }

  async update(ref: MessageRef, message: SlackMessage): Promise<void> {
    await call('chat.update', 'edit', () => this.client.chat.update({ channel: ref.channelId, ts: ref.messageId, ...message }));
  }

  async remove(ref: MessageRef): Promise<void> {
    await call('chat.delete', 'delete', () => this.client.chat.delete({ channel: ref.channelId, ts: ref.messageId }));
  }

  async pin(ref: MessageRef): Promise<void> {
    try {
      await call('pins.add', 'pin', () => this.client.pins.add({ channel: ref.channelId, timestamp: ref.messageId }));
    } catch (error) {
      // Pinned already is what the caller wanted anyway.
      if (error instanceof PlatformError && slackErrorString(error.cause) === 'already_pinned') return;
      throw error;
    }
  }

  async unpin(ref: MessageRef): Promise<void> {
    await call('pins.remove', 'pin', () => this.client.pins.remove({ channel: ref.channelId, timestamp: ref.messageId }));
  }

  usersInfo(userId: string): Promise<webApi.UsersInfoResponse> {
    return this.client.users.info({ user: userId });
  }
}

async function call<T>(method: string, purpose: SlackCallPurpose, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw toPlatformError(error, method, purpose);
  }
}
