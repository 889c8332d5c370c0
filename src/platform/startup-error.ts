import type { Platform } from '../conversation/incoming-message';

/** What could not start: a platform's adapter, or the health and metrics endpoint (`ops`). */
export type StartupPart = Platform | 'ops';

const SHOWN: Readonly<Record<StartupPart, string>> = {
  shell: 'shell',
  discord: 'discord',
  slack: 'slack',
  ops: 'health and metrics endpoint',
};

/**
 * A part of the bot could not start: which part, the setting to look at, and the reason. main.ts prints the
 * message without a stack (the cause stays attached for debug logs) and exits 1.
 */
export class StartupError extends Error {
  constructor(
    readonly platform: StartupPart,
    readonly setting: string,
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`${SHOWN[platform]}: check ${setting}: ${reason}`, options);
    this.name = 'StartupError';
  }
}
