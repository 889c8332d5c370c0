/** The workspace the emulator pretends to be: users, channels, messages and pins, all in memory. */

export interface EmuUser {
  id: string;
  name: string;
  realName?: string;
  displayName?: string;
  /** IANA zone, as Slack's users.info `tz`. */
  tz?: string;
  isAdmin?: boolean;
  isOwner?: boolean;
  isBot?: boolean;
  /** A deactivated account: conversations.open answers `user_disabled`. */
  deleted?: boolean;
}

export interface EmuChannel {
  id: string;
  name: string;
  isIm: boolean;
  /** For IMs: the human on the other side of the bot. */
  user?: string;
  /** Whether the bot is in it; posting elsewhere answers `not_in_channel`. */
  botIsMember: boolean;
}

export interface EmuMessage {
  channel: string;
  ts: string;
  threadTs?: string;
  user: string;
  botId?: string;
  text: string;
  blocks?: unknown[];
  edited?: boolean;
  /** Slack message metadata (event_type + event_payload), returned by conversations.history with include_all_metadata. */
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
}

export const TEAM_ID = 'T0AFTERCARE';
export const APP_ID = 'A0AFTERCARE';
export const BOT_USER_ID = 'U0BOT';
export const BOT_ID = 'B0BOT';

/** Users and channels every emulator starts with, so tests only add what they are about. */
export const DEFAULT_USERS: EmuUser[] = [
  { id: BOT_USER_ID, name: 'aftercare', isBot: true },
  { id: 'U0ALICE', name: 'alice', realName: 'Alice Example', displayName: 'alice', tz: 'Europe/Berlin' },
  { id: 'U0BOB', name: 'bob', realName: 'Bob Example', tz: 'America/New_York' },
  { id: 'U0ADMIN', name: 'ada', realName: 'Ada Admin', tz: 'UTC', isAdmin: true },
  { id: 'U0OWNER', name: 'olga', realName: 'Olga Owner', tz: 'Asia/Tokyo', isOwner: true },
  { id: 'U0GONE', name: 'gone', deleted: true },
];

export const GENERAL_CHANNEL = 'C0GENERAL';

export class SlackState {
  readonly users = new Map<string, EmuUser>();
  readonly channels = new Map<string, EmuChannel>();
  private readonly messages = new Map<string, EmuMessage>();
  private readonly pins = new Map<string, Set<string>>();
  private readonly baseSeconds = Math.floor(Date.now() / 1000);
  private tsCounter = 0;

  constructor() {
    for (const user of DEFAULT_USERS) this.addUser(user);
    this.addChannel({ id: GENERAL_CHANNEL, name: 'general', isIm: false, botIsMember: true });
    this.addChannel({ id: 'C0OUTSIDE', name: 'outside', isIm: false, botIsMember: false });
  }

  addUser(user: EmuUser): EmuUser {
    this.users.set(user.id, user);
    return user;
  }

  addChannel(channel: EmuChannel): EmuChannel {
    this.channels.set(channel.id, channel);
    return channel;
  }

  /** The bot's IM with a user, created on first use like conversations.open does. */
  openIm(userId: string): EmuChannel {
    const id = `D${userId.replace(/^U/, '')}`;
    return this.channels.get(id) ?? this.addChannel({ id, name: id, isIm: true, user: userId, botIsMember: true });
  }

  /** Slack timestamps: unique and increasing, "seconds.micro" shaped. */
  nextTs(): string {
    this.tsCounter += 1;
    return `${this.baseSeconds}.${String(this.tsCounter).padStart(6, '0')}`;
  }

  addMessage(message: EmuMessage): EmuMessage {
    this.messages.set(messageKey(message.channel, message.ts), message);
    return message;
  }

  message(channel: string, ts: string): EmuMessage | undefined {
    return this.messages.get(messageKey(channel, ts));
  }

  /** Deletes a message; like Slack, a deleted message is no longer pinned. */
  removeMessage(channel: string, ts: string): boolean {
    this.pinsOf(channel).delete(ts);
    return this.messages.delete(messageKey(channel, ts));
  }

  /** Every message in a channel (and, with threadTs, only that thread), oldest first. */
  history(channel: string, threadTs?: string): EmuMessage[] {
    return [...this.messages.values()]
      .filter((m) => m.channel === channel && (threadTs === undefined || m.threadTs === threadTs || m.ts === threadTs))
      .sort((a, b) => a.ts.localeCompare(b.ts));
  }

  pinsOf(channel: string): Set<string> {
    let set = this.pins.get(channel);
    if (!set) {
      set = new Set();
      this.pins.set(channel, set);
    }
    return set;
  }
}

function messageKey(channel: string, ts: string): string {
  return `${channel}/${ts}`;
}
