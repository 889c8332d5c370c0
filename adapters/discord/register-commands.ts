/**
 * `npm run register-commands`: publishes the slash commands (globally, or in DISCORD_GUILD_ID when set).
 * Reads the same settings as the bot (.env + environment), through loadConfig.
 */
import { REST } from 'discord.js';
import { ConfigError, environmentWithDotenv, loadConfig } from '../../src/config/load-config';
import { createLogger } from '../../src/logging/logger';
import { toPlatformError } from './discord-errors';
import { registerSlashCommands } from './register-slash-commands';

export async function main(env: Record<string, string | undefined> = environmentWithDotenv()): Promise<number> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
  const logger = createLogger(config.LOG_LEVEL);
  if (!config.DISCORD_TOKEN) {
    logger.error('DISCORD_TOKEN is not set: put the bot token in .env or the environment');
    return 1;
  }
  const rest = new REST(config.DISCORD_API_URL ? { api: config.DISCORD_API_URL } : {}).setToken(config.DISCORD_TOKEN);
  try {
    const result = await registerSlashCommands({ rest, guildId: config.DISCORD_GUILD_ID });
    logger.info(
      { scope: result.scope, guildId: result.guildId, commands: result.names },
      result.scope === 'guild'
        ? 'slash commands registered in the guild (available now)'
        : 'slash commands registered globally (Discord may take a while to show changes; set DISCORD_GUILD_ID while developing)',
    );
    return 0;
  } catch (error) {
    logger.error({ err: toPlatformError(error, 'command registration') }, 'could not register slash commands');
    return 1;
  }
}

if (require.main === module) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`register-commands failed: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
