/** Gateway intent bits (https://discord.com/developers/docs/events/gateway#gateway-intents). */
export const Intent = {
  Guilds: 1 << 0,
  GuildMembers: 1 << 1,
  GuildMessages: 1 << 9,
  DirectMessages: 1 << 12,
  MessageContent: 1 << 15,
} as const;

/** Privileged intents an application must have switched on in the developer portal. */
export const PRIVILEGED_INTENTS = Intent.GuildMembers | (1 << 8) | Intent.MessageContent;

type Payload = Record<string, unknown>;

/**
 * What a session with `intents` receives for one dispatch: null when the intent is missing; guild messages
 * that neither mention the bot nor come from it lose their content without MessageContent, as on the real gateway.
 */
export function filterForIntents(event: string, data: Payload, intents: number, botId: string): Payload | null {
  const inGuild = typeof data['guild_id'] === 'string';
  switch (event) {
    case 'GUILD_CREATE':
    case 'GUILD_UPDATE':
    case 'GUILD_DELETE':
    case 'CHANNEL_CREATE':
    case 'CHANNEL_UPDATE':
    case 'CHANNEL_DELETE':
      return intents & Intent.Guilds ? data : null;
    case 'CHANNEL_PINS_UPDATE':
      return intents & (inGuild ? Intent.Guilds : Intent.DirectMessages) ? data : null;
    case 'MESSAGE_CREATE':
    case 'MESSAGE_UPDATE':
    case 'MESSAGE_DELETE': {
      if (!(intents & (inGuild ? Intent.GuildMessages : Intent.DirectMessages))) return null;
      if (!inGuild || intents & Intent.MessageContent || event === 'MESSAGE_DELETE') return data;
      const author = data['author'] as { id?: string } | undefined;
      const mentions = (data['mentions'] as { id?: string }[] | undefined) ?? [];
      if (author?.id === botId || mentions.some((m) => m.id === botId)) return data;
      return { ...data, content: '', embeds: [], attachments: [], components: [] };
    }
    default:
      return data;
  }
}
