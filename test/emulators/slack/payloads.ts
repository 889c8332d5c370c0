import { randomUUID } from 'node:crypto';
import { APP_ID, BOT_USER_ID, TEAM_ID } from './emulator-state';

/** Payloads as Slack sends them, shared by the HTTP client and the Socket Mode server. */

const VERIFICATION_TOKEN = 'emulator-verification-token';

export function eventCallback(event: Record<string, unknown>): Record<string, unknown> {
  const eventTime = Math.floor(Date.now() / 1000);
  return {
    token: VERIFICATION_TOKEN,
    team_id: TEAM_ID,
    api_app_id: APP_ID,
    event: { event_ts: event.ts, ...event },
    type: 'event_callback',
    event_id: `Ev${randomUUID().replace(/-/g, '').slice(0, 10).toUpperCase()}`,
    event_time: eventTime,
    authorizations: [
      { enterprise_id: null, team_id: TEAM_ID, user_id: BOT_USER_ID, is_bot: true, is_enterprise_install: false },
    ],
    is_ext_shared_channel: false,
  };
}

export function urlVerification(challenge: string): Record<string, unknown> {
  return { token: VERIFICATION_TOKEN, challenge, type: 'url_verification' };
}

export interface SlashCommandInput {
  command: string;
  text: string;
  userId: string;
  userName: string;
  channelId: string;
  channelName: string;
  responseUrl: string;
}

/** Field names and string values exactly as the form-encoded slash command request has them. */
export function slashCommand(input: SlashCommandInput): Record<string, string> {
  return {
    token: VERIFICATION_TOKEN,
    team_id: TEAM_ID,
    team_domain: 'aftercare-emulator',
    channel_id: input.channelId,
    channel_name: input.channelName,
    user_id: input.userId,
    user_name: input.userName,
    command: input.command,
    text: input.text,
    api_app_id: APP_ID,
    is_enterprise_install: 'false',
    response_url: input.responseUrl,
    trigger_id: `${Date.now()}.${randomUUID().slice(0, 8)}`,
  };
}

export interface BlockActionInput {
  userId: string;
  userName: string;
  channelId: string;
  channelName: string;
  actionId: string;
  value: string;
  label: string;
  /** The message carrying the button; absent for ephemeral messages, as in Slack. */
  message?: { ts: string; threadTs?: string; text: string };
  messageTs: string;
  isEphemeral: boolean;
  responseUrl: string;
}

export function blockActions(input: BlockActionInput): Record<string, unknown> {
  const actionTs = `${Math.floor(Date.now() / 1000)}.000${Math.floor(Math.random() * 1000)}`;
  return {
    type: 'block_actions',
    user: { id: input.userId, username: input.userName, name: input.userName, team_id: TEAM_ID },
    api_app_id: APP_ID,
    token: VERIFICATION_TOKEN,
    container: {
      type: 'message',
      message_ts: input.messageTs,
      channel_id: input.channelId,
      is_ephemeral: input.isEphemeral,
    },
    trigger_id: `${Date.now()}.${randomUUID().slice(0, 8)}`,
    team: { id: TEAM_ID, domain: 'aftercare-emulator' },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: input.channelId, name: input.channelName },
    ...(input.message
      ? {
          message: {
            type: 'message',
            user: BOT_USER_ID,
            ts: input.message.ts,
            thread_ts: input.message.threadTs,
            text: input.message.text,
          },
        }
      : {}),
    state: { values: {} },
    response_url: input.responseUrl,
    actions: [
      {
        type: 'button',
        action_id: input.actionId,
        block_id: 'aftercare-actions',
        text: { type: 'plain_text', text: input.label, emoji: true },
        value: input.value,
        action_ts: actionTs,
      },
    ],
  };
}
