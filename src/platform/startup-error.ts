import type { Platform } from '../conversation/incoming-message';

/**
 * An adapter could not start: which platform, the setting to look at, and the platform's own reason. main.ts
 * prints the message without a stack (the cause stays attached for debug logs) and exits 1.
 */
export class StartupError extends Error {
  constructor(
    readonly platform: Platform,
    readonly setting: string,
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`${platform}: check ${setting}: ${reason}`, options);
    this.name = 'StartupError';
  }
}
