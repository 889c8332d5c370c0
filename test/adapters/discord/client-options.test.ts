import { discordShardOptions } from '../../../adapters/discord/client-options';
import { loadConfig } from '../../../src/config/load-config';

const shardOptions = (env: Record<string, string>) => discordShardOptions(loadConfig(env));

describe('discord.js shard options from the settings', () => {
  it('leaves discord.js its single shard when unset', () => {
    expect(shardOptions({})).toEqual({});
  });

  it('auto: every shard Discord recommends; a count alone: all of its shards; ids: only those of the count', () => {
    expect(shardOptions({ DISCORD_SHARD_COUNT: 'auto' })).toEqual({ shards: 'auto' });
    expect(shardOptions({ DISCORD_SHARD_COUNT: '3' })).toEqual({ shardCount: 3, shards: [0, 1, 2] });
    // The count stays the total: a process holding shard 2 of 4 must identify as [2, 4], not [2, 1].
    expect(shardOptions({ DISCORD_SHARD_COUNT: '4', DISCORD_SHARD_IDS: '2' })).toEqual({ shardCount: 4, shards: [2] });
  });
});
