/** Discord's epoch (2015-01-01). Real-looking 18–19 digit ids matter: @discordjs/rest buckets on `\d{17,19}`. */
const DISCORD_EPOCH = 1420070400000n;

let increment = 0n;

/** A new snowflake id, unique within this process and ordered by creation time. */
export function snowflake(at: number = Date.now()): string {
  increment = (increment + 1n) & 0xfffn;
  return (((BigInt(at) - DISCORD_EPOCH) << 22n) | (1n << 17n) | increment).toString();
}

/** A snowflake for a guild whose events go to `shardId` of `shardCount` ((id >> 22) % shardCount === shardId). */
export function snowflakeOnShard(shardId: number, shardCount: number, at: number = Date.now()): string {
  const ms = BigInt(at) - DISCORD_EPOCH;
  const count = BigInt(shardCount);
  // A few milliseconds back in time at most: the id stays in the past and still sorts as "created now".
  const shifted = ms - ((ms - BigInt(shardId)) % count + count) % count;
  return snowflake(Number(shifted + DISCORD_EPOCH));
}

/** A random opaque token (interaction tokens, session ids). */
export function randomToken(length = 32): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[Math.floor(Math.random() * alphabet.length)];
  return out;
}
