import { PlatformError, type PlatformErrorCode } from '../../src/platform/platform-error';

/** What the failed call was for: the same Slack error means different things for a DM and a channel. */
export type SlackCallPurpose = 'direct' | 'channel' | 'pin' | 'edit' | 'delete' | 'lookup';

/** Errors that mean "this person cannot get a DM from us": final, never retried. */
const UNREACHABLE_FOR_DIRECT = new Set(['cannot_dm_bot', 'user_not_found', 'user_disabled', 'not_in_channel']);

const BY_ERROR: Record<string, PlatformErrorCode> = {
  too_many_pins: 'pin-limit',
  missing_scope: 'missing-permission',
  not_in_channel: 'missing-permission',
  restricted_action: 'missing-permission',
  cant_update_message: 'missing-permission',
  cant_delete_message: 'missing-permission',
  compliance_exports_prevent_deletion: 'missing-permission',
  is_archived: 'missing-permission',
  message_not_found: 'not-found',
  channel_not_found: 'not-found',
  thread_not_found: 'not-found',
  no_pin: 'not-found',
};

/** The `error` string of a Web API `{ok:false}` answer, if that is what this is. */
export function slackErrorString(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const e = error as { code?: unknown; data?: { error?: unknown } };
  // Duck-typed rather than instanceof: Bolt and the adapter may load different copies of web-api.
  return e.code === 'slack_webapi_platform_error' && typeof e.data?.error === 'string' ? e.data.error : undefined;
}

export function platformErrorCode(slackError: string | undefined, purpose: SlackCallPurpose): PlatformErrorCode {
  if (slackError === undefined) return 'failed';
  if (purpose === 'direct' && UNREACHABLE_FOR_DIRECT.has(slackError)) return 'unreachable';
  // Own properties only: the error string comes from the network.
  return Object.hasOwn(BY_ERROR, slackError) ? (BY_ERROR[slackError] ?? 'failed') : 'failed';
}

/** Wraps any failure of a Web API call as a PlatformError the core can act on, keeping the cause. */
export function toPlatformError(error: unknown, method: string, purpose: SlackCallPurpose): PlatformError {
  if (error instanceof PlatformError) return error;
  const slackError = slackErrorString(error);
  const detail = slackError ?? (error instanceof Error ? error.message : String(error));
  return new PlatformError(platformErrorCode(slackError, purpose), `Slack ${method} failed: ${detail}`, {
    cause: error,
  });
}
