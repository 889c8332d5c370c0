/**
 * The JSON shapes the emulator puts on the wire, kept to the fields discord.js reads.
 * Written from the API docs on purpose (not imported from discord.js): the emulator is the far side of the wire.
 */

export const ChannelType = { GuildText: 0, DM: 1 } as const;
export const MessageType = { Default: 0, ChannelPinnedMessage: 6, Reply: 19, ChatInputCommand: 20 } as const;
export const InteractionType = { Ping: 1, ApplicationCommand: 2, MessageComponent: 3, Autocomplete: 4 } as const;
export const ComponentType = { ActionRow: 1, Button: 2 } as const;
export const MessageFlag = { Ephemeral: 1 << 6, Loading: 1 << 7 } as const;

export interface ApiUser {
  id: string;
  username: string;
  discriminator: string;
  global_name: string | null;
  avatar: string | null;
  bot?: boolean;
}

export interface ApiRole {
  id: string;
  name: string;
  permissions: string;
  position: number;
  color: number;
  hoist: boolean;
  managed: boolean;
  mentionable: boolean;
  flags: number;
  icon: null;
  unicode_emoji: null;
}

export interface ApiOverwrite {
  id: string;
  /** 0 role, 1 member */
  type: 0 | 1;
  allow: string;
  deny: string;
}

export interface ApiChannel {
  id: string;
  type: number;
  guild_id?: string;
  name?: string;
  position?: number;
  permission_overwrites?: ApiOverwrite[];
  parent_id?: string | null;
  topic?: string | null;
  nsfw?: boolean;
  rate_limit_per_user?: number;
  recipients?: ApiUser[];
  last_message_id: string | null;
  last_pin_timestamp?: string | null;
  flags: number;
}

export interface ApiMember {
  user: ApiUser;
  roles: string[];
  joined_at: string;
  nick: string | null;
  avatar: string | null;
  deaf: boolean;
  mute: boolean;
  flags: number;
  pending: boolean;
}

export interface ApiAllowedMentions {
  parse?: string[];
  users?: string[];
  roles?: string[];
  replied_user?: boolean;
}

export interface ApiMessageReference {
  type?: number;
  message_id?: string;
  channel_id?: string;
  guild_id?: string;
  fail_if_not_exists?: boolean;
}

export interface ApiComponent {
  type: number;
  custom_id?: string;
  label?: string;
  style?: number;
  disabled?: boolean;
  url?: string;
  components?: ApiComponent[];
  [key: string]: unknown;
}

export interface ApiMessage {
  id: string;
  type: number;
  channel_id: string;
  guild_id?: string;
  author: ApiUser;
  content: string;
  timestamp: string;
  edited_timestamp: string | null;
  tts: boolean;
  mention_everyone: boolean;
  mentions: ApiUser[];
  mention_roles: string[];
  attachments: unknown[];
  embeds: unknown[];
  components: ApiComponent[];
  pinned: boolean;
  flags: number;
  nonce?: string | number;
  message_reference?: ApiMessageReference;
  referenced_message?: ApiMessage | null;
  webhook_id?: string;
  application_id?: string;
  interaction_metadata?: Record<string, unknown>;
}

export interface ApiCommandOption {
  type: number;
  name: string;
  description: string;
  required?: boolean;
  options?: ApiCommandOption[];
  [key: string]: unknown;
}

export interface ApiCommand {
  id: string;
  application_id: string;
  guild_id?: string;
  version: string;
  type: number;
  name: string;
  description: string;
  options?: ApiCommandOption[];
  default_member_permissions: string | null;
  [key: string]: unknown;
}

/** A Discord JSON error body. */
export interface ApiError {
  code: number;
  message: string;
  errors?: unknown;
}
