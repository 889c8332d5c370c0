import { apiErrors } from './api-errors';
import type { ApiChannel, ApiMember, ApiMessage, ApiOverwrite, ApiRole, ApiUser } from './api-types';
import { ChannelType, MessageFlag, MessageType } from './api-types';
import { type MessageBody, validateMessageBody } from './message-validation';
import { addRole, type GuildRecord, member, newGuild } from './guild-record';
import { computeChannelPermissions, Permission } from './permissions';
import { snowflake } from './snowflake';

/** Discord refuses the 51st pin in a channel. */
export const MAX_PINS = 50;
/** How long a repeated `nonce` with `enforce_nonce` returns the first message. */
const NONCE_WINDOW_MS = 5 * 60_000;

export interface UserRecord {
  user: ApiUser;
  /** false: the user blocks DMs from server members, so sends answer 403 / 50007. */
  acceptsDirectMessages: boolean;
}

export interface CreateUserOptions {
  username: string;
  bot?: boolean;
  acceptsDirectMessages?: boolean;
}

export interface PinRecord {
  messageId: string;
  pinnedAt: string;
}

/**
 * Everything the emulated Discord knows: guilds with roles, channels and members (the first one, created with
 * the state, is the default every test uses), DM channels, messages, pins, registered commands. Pure data +
 * rules; no I/O (the REST and gateway layers do that).
 */
export class EmulatorState {
  readonly applicationId = snowflake();
  readonly botToken: string;
  readonly botUser: ApiUser;
  /** Every server the bot is in, in the order they were created. */
  readonly guilds = new Map<string, GuildRecord>();
  /** The default guild: `guildId`, `roles`, `members`, `ownerId` and the role ids below are its own. */
  readonly primary: GuildRecord;
  readonly guildId: string;
  readonly ownerId: string;
  readonly users = new Map<string, UserRecord>();
  readonly roles: Map<string, ApiRole>;
  readonly members: Map<string, ApiMember>;
  readonly channels = new Map<string, ApiChannel>();
  /** channel id → message id → message, in creation order. */
  readonly messages = new Map<string, Map<string, ApiMessage>>();
  readonly pins = new Map<string, PinRecord[]>();
  readonly dmChannelByUser = new Map<string, string>();
  private readonly nonces = new Map<string, { messageId: string; channelId: string; at: number }>();
  /** Tests set 0 to act as if the bot was down longer than Discord remembers a nonce. */
  nonceWindowMs = NONCE_WINDOW_MS;
  readonly moderatorRoleId: string;
  readonly botRoleId: string;

  constructor(options: { botToken?: string; botUsername?: string } = {}) {
    // Shaped like a real token (base64 id . timestamp . hmac) so token-masking code paths get exercised.
    this.botUser = this.createUser({ username: options.botUsername ?? 'Aftercare', bot: true });
    this.botToken =
      options.botToken ??
      `${Buffer.from(this.botUser.id).toString('base64url')}.GhJkLm.${'x'.repeat(27)}emulatorTokenSecret`;
    this.primary = this.createGuild('Microneedling Community');
    this.guildId = this.primary.id;
    this.ownerId = this.primary.ownerId;
    this.roles = this.primary.roles;
    this.members = this.primary.members;
    this.moderatorRoleId = this.primary.moderatorRoleId;
    this.botRoleId = this.primary.botRoleId;
  }

  // ── guilds, users, roles, members, channels ───────────────────────────────

  /** Another server with the bot in it (`id` decides which gateway shard it lands on). */
  createGuild(name: string, id: string = snowflake()): GuildRecord {
    const owner = this.createUser({ username: 'server-owner' });
    const guild = newGuild({ id, name, owner, bot: this.botUser });
    this.guilds.set(id, guild);
    return guild;
  }

  /** A guild the bot is in; any other id is "Missing Access", as for a server the bot was never invited to. */
  guild(id: string | undefined): GuildRecord {
    const guild = id === undefined ? undefined : this.guilds.get(id);
    if (!guild) throw apiErrors.missingAccess();
    return guild;
  }

  createUser(options: CreateUserOptions): ApiUser {
    const user: ApiUser = {
      id: snowflake(),
      username: options.username,
      discriminator: '0',
      global_name: options.bot ? null : options.username,
      avatar: null,
      ...(options.bot ? { bot: true } : {}),
    };
    this.users.set(user.id, { user, acceptsDirectMessages: options.acceptsDirectMessages ?? true });
    return user;
  }

  user(id: string): ApiUser {
    const record = this.users.get(id);
    if (!record) throw apiErrors.unknownUser();
    return record.user;
  }

  createRole(name: string, permissions: bigint, managed = false, guildId: string = this.guildId): ApiRole {
    return addRole(this.guild(guildId), name, permissions, managed);
  }

  addMember(userId: string, roleIds: string[] = [], guildId: string = this.guildId): ApiMember {
    const created = member(this.user(userId), roleIds);
    this.guild(guildId).members.set(userId, created);
    return created;
  }

  /** The member record of `userId` in the guild of a message or channel (none in DMs). */
  memberIn(guildId: string | undefined, userId: string): ApiMember | undefined {
    return guildId === undefined ? undefined : this.guilds.get(guildId)?.members.get(userId);
  }

  createTextChannel(name: string, overwrites: ApiOverwrite[] = [], guildId: string = this.guildId): ApiChannel {
    this.guild(guildId);
    const channel: ApiChannel = {
      id: snowflake(),
      type: ChannelType.GuildText,
      guild_id: guildId,
      name,
      position: [...this.channels.values()].filter((c) => c.guild_id === guildId).length,
      permission_overwrites: overwrites,
      parent_id: null,
      topic: null,
      nsfw: false,
      rate_limit_per_user: 0,
      last_message_id: null,
      flags: 0,
    };
    this.channels.set(channel.id, channel);
    return channel;
  }

  channel(id: string): ApiChannel {
    const channel = this.channels.get(id);
    if (!channel) throw apiErrors.unknownChannel();
    return channel;
  }

  isGuildChannel(channel: ApiChannel): boolean {
    return channel.type !== ChannelType.DM;
  }

  /** POST /users/@me/channels: the one DM channel between the bot and that user. */
  openDm(recipientId: string): ApiChannel {
    const recipient = this.users.get(recipientId);
    if (!recipient || recipient.user.id === this.botUser.id) throw apiErrors.invalidRecipient();
    const existing = this.dmChannelByUser.get(recipientId);
    if (existing) return this.channel(existing);
    const channel: ApiChannel = {
      id: snowflake(),
      type: ChannelType.DM,
      recipients: [recipient.user],
      last_message_id: null,
      flags: 0,
    };
    this.channels.set(channel.id, channel);
    this.dmChannelByUser.set(recipientId, channel.id);
    return channel;
  }

  /** The member's permission bits in a guild channel (all of them in a DM, where permissions do not apply). */
  permissionsIn(userId: string, channelId: string): bigint {
    const channel = this.channel(channelId);
    if (!this.isGuildChannel(channel)) return (1n << 53n) - 1n;
    return this.memberPermissions(this.guild(channel.guild_id), userId, channel.permission_overwrites ?? []);
  }

  /** Guild-level permissions (no channel overwrites), as sent in an interaction's `member.permissions`. */
  guildPermissions(userId: string, guildId: string = this.guildId): bigint {
    return this.memberPermissions(this.guild(guildId), userId, []);
  }

  private memberPermissions(guild: GuildRecord, userId: string, overwrites: Parameters<typeof computeChannelPermissions>[0]['overwrites']): bigint {
    const member = guild.members.get(userId);
    if (!member) return 0n;
    return computeChannelPermissions({
      guildId: guild.id,
      isOwner: userId === guild.ownerId,
      everyonePermissions: BigInt(guild.roles.get(guild.id)?.permissions ?? '0'),
      rolePermissions: member.roles.flatMap((id) => {
        const role = guild.roles.get(id);
        return role ? [{ id, permissions: BigInt(role.permissions) }] : [];
      }),
      memberId: userId,
      overwrites,
    });
  }

  private requireBotPermission(channelId: string, ...needed: bigint[]): void {
    const perms = this.permissionsIn(this.botUser.id, channelId);
    if (!(perms & Permission.ViewChannel)) throw apiErrors.missingAccess();
    // Any one of `needed` suffices (PinMessages replaced ManageMessages for pins).
    if (needed.length > 0 && !needed.some((p) => perms & p)) throw apiErrors.missingPermissions();
  }

  // ── messages ──────────────────────────────────────────────────────────────

  channelMessages(channelId: string): Map<string, ApiMessage> {
    let map = this.messages.get(channelId);
    if (!map) {
      map = new Map();
      this.messages.set(channelId, map);
    }
    return map;
  }

  message(channelId: string, messageId: string): ApiMessage {
    this.channel(channelId);
    const message = this.messages.get(channelId)?.get(messageId);
    if (!message) throw apiErrors.unknownMessage();
    return message;
  }

  /**
   * Creates a message as `authorId`. For the bot this enforces permissions, DM reachability, the body
   * limits and nonce de-duplication; `duplicate` is true when an enforced nonce returned an earlier message.
   */
  createMessage(
    channelId: string,
    authorId: string,
    body: MessageBody,
    extra: Partial<ApiMessage> = {},
    /** A deferred interaction's "thinking…" placeholder is the one message allowed to be empty. */
    { allowEmpty = false }: { allowEmpty?: boolean } = {},
  ): { message: ApiMessage; duplicate: boolean } {
    const channel = this.channel(channelId);
    const author = this.user(authorId);
    const isBot = authorId === this.botUser.id;
    validateMessageBody(body, { requireSomething: !allowEmpty });

    if (isBot && body.nonce != null && body.enforce_nonce) {
      const earlier = this.nonces.get(`${authorId}:${body.nonce}`);
      if (earlier && Date.now() - earlier.at < this.nonceWindowMs) {
        const message = this.messages.get(earlier.channelId)?.get(earlier.messageId);
        if (message) return { message, duplicate: true };
      }
    }
    if (isBot && extra.webhook_id === undefined) {
      if (this.isGuildChannel(channel)) this.requireBotPermission(channelId, Permission.SendMessages);
      else {
        const recipient = channel.recipients?.[0];
        if (recipient && !this.users.get(recipient.id)?.acceptsDirectMessages) throw apiErrors.cannotMessageUser();
      }
    }

    let referenced: ApiMessage | null | undefined;
    const reference = body.message_reference ?? undefined;
    if (reference?.message_id) {
      referenced = this.messages.get(reference.channel_id ?? channelId)?.get(reference.message_id) ?? null;
      if (!referenced && reference.fail_if_not_exists !== false) {
        throw apiErrors.invalidFormBody({ message_reference: 'Unknown message' });
      }
    }

    const content = body.content ?? '';
    const mentions = this.resolveMentions(content, authorId, channelId, body.allowed_mentions ?? undefined, referenced);
    const message: ApiMessage = {
      id: snowflake(),
      type: referenced ? MessageType.Reply : MessageType.Default,
      channel_id: channelId,
      ...(channel.guild_id ? { guild_id: channel.guild_id } : {}),
      author,
      content,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: Boolean(body.tts),
      mention_everyone: mentions.everyone,
      mentions: mentions.users,
      mention_roles: [],
      attachments: [],
      embeds: body.embeds ?? [],
      components: body.components ?? [],
      pinned: false,
      flags: body.flags ?? 0,
      ...(body.nonce != null ? { nonce: body.nonce } : {}),
      ...(reference?.message_id && referenced
        ? {
            message_reference: {
              type: 0,
              message_id: reference.message_id,
              channel_id: channelId,
              ...(channel.guild_id ? { guild_id: channel.guild_id } : {}),
            },
            referenced_message: referenced,
          }
        : {}),
      ...extra,
    };
    if (!(message.flags & MessageFlag.Ephemeral)) {
      this.channelMessages(channelId).set(message.id, message);
      channel.last_message_id = message.id;
    }
    if (isBot && body.nonce != null && body.enforce_nonce) {
      this.nonces.set(`${authorId}:${body.nonce}`, { messageId: message.id, channelId, at: Date.now() });
    }
    return { message, duplicate: false };
  }

  /**
   * Who a message pings: `<@id>` users and @everyone/@here, narrowed by `allowed_mentions` the way Discord
   * does it (absent = parse everything; present = only what it lists; replied_user defaults to false).
   */
  private resolveMentions(
    content: string,
    authorId: string,
    channelId: string,
    allowed: MessageBody['allowed_mentions'],
    referenced: ApiMessage | null | undefined,
  ): { users: ApiUser[]; everyone: boolean } {
    const parse = allowed ? new Set(allowed.parse ?? []) : new Set(['users', 'roles', 'everyone']);
    const explicitUsers = new Set(allowed?.users ?? []);
    const ids = new Set<string>();
    for (const match of content.matchAll(/<@!?(\d{17,20})>/g)) {
      const id = match[1] ?? '';
      if (this.users.has(id) && (parse.has('users') || explicitUsers.has(id))) ids.add(id);
    }
    const repliedUser = allowed ? allowed.replied_user === true : true;
    if (referenced && repliedUser && referenced.author.id !== authorId) ids.add(referenced.author.id);
    const everyone =
      /@(everyone|here)\b/.test(content) &&
      parse.has('everyone') &&
      (this.permissionsIn(authorId, channelId) & Permission.MentionEveryone) !== 0n;
    return { users: [...ids].map((id) => this.user(id)), everyone };
  }

  editMessage(channelId: string, messageId: string, authorId: string, body: MessageBody): ApiMessage {
    const message = this.message(channelId, messageId);
    if (message.author.id !== authorId) throw apiErrors.missingPermissions();
    validateMessageBody(body, { requireSomething: false });
    return this.applyEdit(message, body);
  }

  applyEdit(message: ApiMessage, body: MessageBody): ApiMessage {
    if (body.content !== undefined) {
      message.content = body.content ?? '';
      const mentions = this.resolveMentions(
        message.content,
        message.author.id,
        message.channel_id,
        body.allowed_mentions ?? undefined,
        undefined,
      );
      message.mentions = mentions.users;
      message.mention_everyone = mentions.everyone;
    }
    if (body.embeds !== undefined) message.embeds = body.embeds ?? [];
    if (body.components !== undefined) message.components = body.components ?? [];
    if (body.flags != null) message.flags = (message.flags & MessageFlag.Ephemeral) | (body.flags & ~MessageFlag.Loading);
    else message.flags &= ~MessageFlag.Loading;
    message.edited_timestamp = new Date().toISOString();
    return message;
  }

  /**
   * DELETE …/messages/{id}. `byBot`: the bot's own REST call, checked like Discord does: its own messages need
   * only access to the channel; someone else's need Manage Messages, and cannot be deleted in a DM at all.
   */
  deleteMessage(channelId: string, messageId: string, byBot = false): ApiMessage {
    const channel = this.channel(channelId);
    const message = this.message(channelId, messageId);
    if (byBot) {
      const own = message.author.id === this.botUser.id;
      if (this.isGuildChannel(channel)) this.requireBotPermission(channelId, ...(own ? [] : [Permission.ManageMessages]));
      else if (!own) throw apiErrors.cannotExecuteInDm();
    }
    this.messages.get(channelId)?.delete(messageId);
    this.unpinQuietly(channelId, messageId);
    return message;
  }

  // ── pins ──────────────────────────────────────────────────────────────────

  channelPins(channelId: string): PinRecord[] {
    let list = this.pins.get(channelId);
    if (!list) {
      list = [];
      this.pins.set(channelId, list);
    }
    return list;
  }

  /** PUT …/pins/{id}; returns false when the message was already pinned (a no-op, 204 all the same). */
  pin(channelId: string, messageId: string, byBot = true): boolean {
    const channel = this.channel(channelId);
    const message = this.message(channelId, messageId);
    if (byBot && this.isGuildChannel(channel)) {
      this.requireBotPermission(channelId, Permission.PinMessages, Permission.ManageMessages);
    }
    if (message.pinned) return false;
    const list = this.channelPins(channelId);
    if (list.length >= MAX_PINS) throw apiErrors.maxPins();
    const pinnedAt = new Date().toISOString();
    list.unshift({ messageId, pinnedAt });
    message.pinned = true;
    channel.last_pin_timestamp = pinnedAt;
    return true;
  }

  unpin(channelId: string, messageId: string): void {
    const channel = this.channel(channelId);
    this.message(channelId, messageId);
    if (this.isGuildChannel(channel)) {
      this.requireBotPermission(channelId, Permission.PinMessages, Permission.ManageMessages);
    }
    this.unpinQuietly(channelId, messageId);
  }

  private unpinQuietly(channelId: string, messageId: string): void {
    const list = this.channelPins(channelId);
    const index = list.findIndex((p) => p.messageId === messageId);
    if (index >= 0) list.splice(index, 1);
    const message = this.messages.get(channelId)?.get(messageId);
    if (message) message.pinned = false;
  }

  /** Test setup: fill a channel with `count` pinned messages from another member. */
  fillPins(channelId: string, count: number, authorId = this.ownerId): void {
    for (let i = 0; i < count; i++) {
      const { message } = this.createMessage(channelId, authorId, { content: `pinned note ${i + 1}` });
      this.pin(channelId, message.id, false);
    }
  }
}
