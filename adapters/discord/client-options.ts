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

type ShardSettings = Pick<Config, 'DISCORD_SHARD_COUNT' | 'DISCORD_SHARD_IDS'>;

/**
 * discord.js's `shards`/`shardCount`: unset keeps its default (one shard); `auto` asks GET /gateway/bot for the
 * recommended count and holds every shard; a number holds DISCORD_SHARD_IDS of them (all when unset), so several
 * processes can split one count between them.
 */
export function discordShardOptions(config: ShardSettings): Pick<ClientOptions, 'shards' | 'shardCount'> {
  const count = config.DISCORD_SHARD_COUNT;
  if (count === undefined) return {};
  if (count === 'auto') return { shards: 'auto' };
  return { shardCount: count, shards: config.DISCORD_SHARD_IDS ?? Array.from({ length: count }, (_, id) => id) };
}

export function discordClientOptions(config: Pick<Config, 'DISCORD_MESSAGE_CONTENT' | 'DISCORD_API_URL'> & ShardSettings): ClientOptions {
  return {
    intents: discordIntents(config),
    ...discordShardOptions(config),
    // DM channels are not cached before their first message; without Partials.Channel DMs never fire.
    partials: [Partials.Channel],
    // A default for every call; each send also passes it explicitly.
    allowedMentions: { parse: [] },
    // REST proxies (nirn-proxy) and the test emulator; discord.js appends /v10 itself.
    ...(config.DISCORD_API_URL ? { rest: { api: config.DISCORD_API_URL } } : {}),
  };
}
