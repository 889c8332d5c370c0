/**
 * Why a platform call failed, in terms the core can act on:
 * - unreachable: the user cannot receive DMs (Discord 50007, Slack cannot_dm…) — final, do not retry;
 * - pin-limit: the channel has the maximum number of pins;
 * - missing-permission: the bot lacks a permission in that channel;
 * - not-found: the message or channel is gone;
 * - failed: anything else (may be retried later).
 */
export type PlatformErrorCode = 'unreachable' | 'pin-limit' | 'missing-permission' | 'not-found' | 'failed';

export class PlatformError extends Error {
  constructor(
    readonly code: PlatformErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'PlatformError';
  }
}
