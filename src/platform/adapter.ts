import type { Platform } from '../conversation/incoming-message';
import type { Reply } from '../conversation/reply';

/** A serialisable way to reach a user later (stored with subscriptions). */
export interface Address {
  platform: Platform;
  userId: string;
  /** A known DM channel, if the platform gave one. */
  channelId?: string;
  teamId?: string;
}

/** Where a sent message lives, so it can be pinned, edited or removed later. */
export interface MessageRef {
  platform: Platform;
  channelId: string;
  messageId: string;
}

export interface SendOptions {
  /** Idempotency key: a resend with the same nonce must not produce a second message where the platform allows. */
  nonce?: string;
}

/** Whether a platform connection can carry messages now (GET /readyz); `detail` says why not. */
export interface AdapterReadiness {
  ready: boolean;
  detail?: string;
}

/**
 * One platform connection. Adapters translate: they call `core.handle(incoming)` for each event,
 * render the Reply, and offer these outbound calls to the core (check-ins, pins).
 * Failures are thrown as PlatformError.
 */
export interface Adapter {
  readonly platform: Platform;
  start(): Promise<void>;
  stop(): Promise<void>;
  sendDirect(address: Address, reply: Reply, options?: SendOptions): Promise<MessageRef>;
  send(channelId: string, reply: Reply): Promise<MessageRef>;
  pin(ref: MessageRef): Promise<void>;
  unpin(ref: MessageRef): Promise<void>;
  edit(ref: MessageRef, reply: Reply): Promise<void>;
  /** Deletes a message the bot sent (e.g. an answer it could not pin). */
  remove(ref: MessageRef): Promise<void>;
  /** Connection state for GET /readyz. Optional: an adapter without it (the shell) is ready once started. */
  readiness?(): AdapterReadiness;
  /**
   * Looks in the user's DM for a message sent earlier with this nonce (a send whose outcome was never recorded:
   * a crash, a lost response), so a retry does not send it twice. Optional: platforms that cannot look get a resend.
   */
  findDirect?(address: Address, sent: { nonce: string; reply: Reply }): Promise<MessageRef | null>;
}

/** The adapters running in this process, by platform. */
export type AdapterRegistry = Map<Platform, Adapter>;
