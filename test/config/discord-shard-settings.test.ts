import { loadConfig } from '../../src/config/load-config';
import { configProblems } from '../support/config-problems';

const problems = configProblems;

describe('DISCORD_SHARD_COUNT and DISCORD_SHARD_IDS', () => {
  it('are unset by default (one shard, as discord.js does), and empty lines from .env.example count as unset', () => {
    for (const env of [{}, { DISCORD_SHARD_COUNT: '', DISCORD_SHARD_IDS: '' }]) {
      const config = loadConfig(env);
      expect(config.DISCORD_SHARD_COUNT).toBeUndefined();
      expect(config.DISCORD_SHARD_IDS).toBeUndefined();
    }
  });

  it('take a number or auto, and a list of ids below the count (sorted, spaces allowed)', () => {
    expect(loadConfig({ DISCORD_SHARD_COUNT: '4' }).DISCORD_SHARD_COUNT).toBe(4);
    expect(loadConfig({ DISCORD_SHARD_COUNT: ' Auto ' }).DISCORD_SHARD_COUNT).toBe('auto');
    expect(loadConfig({ DISCORD_SHARD_COUNT: '4', DISCORD_SHARD_IDS: '3, 1' }).DISCORD_SHARD_IDS).toEqual([1, 3]);
  });

  it('refuse a count that is not a whole number of at least 1', () => {
    for (const bad of ['0', '-1', '2.5', 'two', '1e3']) {
      expect(problems({ DISCORD_SHARD_COUNT: bad })).toMatch(/DISCORD_SHARD_COUNT must be a whole number of shards \(1 or more\) or "auto"/);
    }
  });

  it('refuse ids that are not numbers, repeat, reach the count, or come without a count or with auto', () => {
    expect(problems({ DISCORD_SHARD_COUNT: '2', DISCORD_SHARD_IDS: '0;1' })).toMatch(/DISCORD_SHARD_IDS must list shard ids separated by commas/);
    expect(problems({ DISCORD_SHARD_COUNT: '2', DISCORD_SHARD_IDS: '1,1' })).toMatch(/DISCORD_SHARD_IDS lists a shard id twice/);
    expect(problems({ DISCORD_SHARD_COUNT: '2', DISCORD_SHARD_IDS: '1,2' })).toMatch(/DISCORD_SHARD_IDS must be below DISCORD_SHARD_COUNT \(2\): shard ids run from 0 to 1/);
    expect(problems({ DISCORD_SHARD_IDS: '0' })).toMatch(/DISCORD_SHARD_IDS needs DISCORD_SHARD_COUNT too/);
    expect(problems({ DISCORD_SHARD_COUNT: 'auto', DISCORD_SHARD_IDS: '0' })).toMatch(/DISCORD_SHARD_IDS cannot be combined with DISCORD_SHARD_COUNT=auto/);
  });
});
