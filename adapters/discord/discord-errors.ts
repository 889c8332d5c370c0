import { DiscordAPIError, HTTPError, RateLimitError } from 'discord.js';
import { PlatformError, type PlatformErrorCode } from '../../src/platform/platform-error';

/** Discord JSON error codes the core can act on (https://discord.com/developers/docs/topics/opcodes-and-status-codes). */
const BY_CODE: Record<number, PlatformErrorCode> = {
  50007: 'unreachable', // Cannot send messages to this user (DMs closed, blocked, no shared server)
  50278: 'unreachable', // Cannot send messages to this user: not reachable by the app
  30003: 'pin-limit', // Maximum number of pins reached (50)
  50013: 'missing-permission', // Missing Permissions
  50001: 'missing-permission', // Missing Access
  10008: 'not-found', // Unknown Message
  10003: 'not-found', // Unknown Channel
  10013: 'not-found', // Unknown User
  10062: 'not-found', // Unknown interaction (expired)
};

/** Interaction and webhook tokens sit in REST paths; they never reach a log line. */
export function redactRoute(url: string): string {
  return url
    .replace(/^https?:\/\/[^/]+/, '')
    .replace(/(\/interactions\/\d+\/)[^/?]+/g, '$1:token')
    .replace(/(\/webhooks\/\d+\/)[^/?]+/g, '$1:token');
}

/**
 * Any failure of a Discord call as a PlatformError. The message names the call, the Discord code and the
 * route, never the request body (it carries message text) nor the token.
 */
export function toPlatformError(error: unknown, what: string): PlatformError {
  if (error instanceof PlatformError) return error;
  if (error instanceof DiscordAPIError) {
    const code = Number(error.code);
    const mapped = Object.hasOwn(BY_CODE, code) ? (BY_CODE[code] ?? 'failed') : 'failed';
    return new PlatformError(
      mapped,
      `Discord refused ${what}: ${error.status} code ${code} (${error.message.split('\n')[0]}) on ${error.method.toUpperCase()} ${redactRoute(error.url)}`,
      { cause: stripRequestBody(error) },
    );
  }
  if (error instanceof HTTPError) {
    return new PlatformError('failed', `Discord ${what} failed: HTTP ${error.status} on ${error.method.toUpperCase()} ${redactRoute(error.url)}`, {
      cause: stripRequestBody(error),
    });
  }
  if (error instanceof RateLimitError) {
    return new PlatformError('failed', `Discord ${what} was rate limited for ${error.timeToReset} ms`, { cause: error });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new PlatformError('failed', `Discord ${what} failed: ${message}`, { cause: error });
}

/** A copy of the library error without the request body or raw URL, so a logged cause cannot leak either. */
function stripRequestBody(error: DiscordAPIError | HTTPError): Error {
  const copy = new Error(error.message);
  copy.name = error.name;
  copy.stack = error.stack;
  return Object.assign(copy, { status: error.status, method: error.method, route: redactRoute(error.url), ...('code' in error ? { code: error.code } : {}) });
}
