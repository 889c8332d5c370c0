import type { Checkin } from '../../../src/knowledge/knowledge-schema';
import type { Platform } from '../../../src/conversation/incoming-message';
import type { IncomingMessage } from '../../../src/conversation/incoming-message';
import type { Reply } from '../../../src/conversation/reply';
import type { Address, MessageRef, SendOptions } from '../../../src/platform/adapter';
import { DirectOnlyAdapter } from '../../../src/platform/direct-only-adapter';

/** A plan built in the test: one check-in on each listed day. */
export function testPlan(days: number[], sendWithinHours = 6): Checkin[] {
  return days.map((day) => ({
    id: `day-${day}`,
    day,
    topic: day === days[days.length - 1] ? ('final' as const) : ('redness' as const),
    message: `Day ${day} check-in`,
    options: [
      { id: 'fine', label: 'Fine', keywords: ['fine'], guidance: 'Good.', sources: [], escalate: false },
      { id: 'worse', label: 'Worse', keywords: ['worse'], guidance: 'Call them.', sources: [], escalate: true },
    ],
    sendWithinHours,
  }));
}

export interface SentDirect {
  address: Address;
  reply: Reply;
  nonce: string | undefined;
  at: number;
}

/** An adapter that records what it is asked to DM; `fail` decides per call whether to throw instead. */
export class RecordingAdapter extends DirectOnlyAdapter {
  readonly sent: SentDirect[] = [];
  fail: ((address: Address, attempt: number) => Error | null) | null = null;
  private calls = 0;
  private waiters: Array<{ count: number; resolve: () => void }> = [];

  constructor(readonly platform: Platform = 'discord') {
    super();
  }

  async sendDirect(address: Address, reply: Reply, options?: SendOptions): Promise<MessageRef> {
    this.calls++;
    const error = this.fail?.(address, this.calls) ?? null;
    if (error) throw error;
    this.sent.push({ address, reply, nonce: options?.nonce, at: Date.now() });
    for (const w of this.waiters.filter((w) => this.sent.length >= w.count)) w.resolve();
    this.waiters = this.waiters.filter((w) => this.sent.length < w.count);
    return { platform: this.platform, channelId: address.channelId ?? `dm-${address.userId}`, messageId: String(this.sent.length) };
  }

  /** Resolves once `count` messages have been recorded. */
  waitForSent(count: number): Promise<void> {
    if (this.sent.length >= count) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ count, resolve }));
  }

  sentTo(userId: string): SentDirect[] {
    return this.sent.filter((s) => s.address.userId === userId);
  }
}

/** A DM from a user on a platform, as an adapter would build it. */
export function dm(text: string, user: Partial<IncomingMessage['user']> & { id: string }, platform: Platform = 'discord'): IncomingMessage {
  return {
    platform,
    user: { displayName: 'someone', ...user },
    channel: { id: `D-${user.id}`, isDirect: true },
    text,
    isModerator: false,
  };
}

export function press(action: string, userId: string, platform: Platform = 'discord'): IncomingMessage {
  return { ...dm('', { id: userId }, platform), action };
}

export function inChannel(text: string, userId: string, platform: Platform = 'discord'): IncomingMessage {
  return { ...dm(text, { id: userId }, platform), channel: { id: 'C-general', isDirect: false } };
}
