/** The platforms the bot speaks on. The core only ever sees these names, never platform types. */
export type Platform = 'shell' | 'discord' | 'slack';

export const PLATFORMS: readonly Platform[] = ['shell', 'discord', 'slack'];

/** One thing a person said or clicked, translated by an adapter into platform-free terms. */
export interface IncomingMessage {
  platform: Platform;
  user: {
    id: string;
    displayName?: string;
    /** IANA zone from the platform profile when it has one (Slack `tz`). */
    timezone?: string;
  };
  channel: {
    id: string;
    isDirect: boolean;
    /** Workspace / guild id where the platform needs it to reach the channel again. */
    teamId?: string;
  };
  /**
   * What the person typed, as a command line or a question: "ask does it hurt", "topics",
   * "checkins start 2026-11-20 9 Europe/Berlin", or a plain question. Slash commands are
   * translated by the adapter into the same words.
   */
  text: string;
  /**
   * Set when the platform parsed a command itself (a slash command's typed options): the command's spec name
   * ("faq pin") and its arguments by name. `text` then holds the same command as words, for logs.
   */
  command?: { name: string; options: Readonly<Record<string, string | number | boolean>> };
  /** How people type commands where this came from ("/" on Discord, "/aftercare " in a Slack slash command). */
  commandPrefix?: string;
  /** Set when a button was pressed: the `action` string of the button (see ReplyButton). */
  action?: string;
  /** Decided by the adapter from platform permissions (see each adapter). */
  isModerator: boolean;
}
