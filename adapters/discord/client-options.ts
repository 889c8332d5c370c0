import { type ClientOptions, GatewayIntentBits, Partials } from 'discord.js';
import type { Config } from '../../src/config/config-schema';

/**
 * Intents: Guilds, GuildMessages and DirectMessages are enough, because Discord still sends the content
 * of messages that mention the bot and of DMs. The privileged MessageContent intent is asked for only
 * when the operator turned it on (DISCORD_MESSAGE_CONTENT=true) and enabled it in the developer portal.
 */
export function discordIntents(config: Pick<Config, 'DISCORD_MESSAGE_CONTENT'>): GatewayIntentBits[] {
  const intents = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages];
  if (config.DISCORD_MESSAGE_CONTENT) intents.push(GatewayIntentBits.MessageContent);
  return intents;
}

export function discordClientOptions(config: Pick<Config, 'DISCORD_MESSAGE_CONTENT' | 'DISCORD_API_URL'>): ClientOptions {
  return {
    intents: discordIntents(config),
    // DM channels are not cached before their first message; without Partials.Channel DMs never fire.
    partials: [Partials.Channel],
    // A default for every call; each send also passes it explicitly.
    allowedMentions: { parse: [] },
    // REST proxies (nirn-proxy) and the test emulator; discord.js appends /v10 itself.
    ...(config.DISCORD_API_URL ? { rest: { api: config.DISCORD_API_URL } } : {}),
  };
}
