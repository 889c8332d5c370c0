import { existsSync, readFileSync } from 'node:fs';
import dotenv from 'dotenv';
import { type Config, configSchema } from './config-schema';

/** A setting that is missing or bad; the message names each one, never its value. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configuration is invalid:\n${problems.map((p) => `  - ${p}`).join('\n')}\nSee .env.example for every setting.`);
    this.name = 'ConfigError';
  }
}

/** Validates every setting at once. Pure: reads only the env object it is given. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.') || 'config'} ${i.message}`));
  }
  return parsed.data;
}

/** process.env plus a .env file when present (process.env wins). */
export function environmentWithDotenv(envFile = '.env'): Record<string, string | undefined> {
  const fromFile = existsSync(envFile) ? dotenv.parse(readFileSync(envFile)) : {};
  return { ...fromFile, ...process.env };
}

/** Which platforms have their settings; the shell runs when none do, or when TERMINAL_CHAT=true. */
export function enabledPlatforms(config: Config): { shell: boolean; discord: boolean; slack: boolean } {
  const discord = Boolean(config.DISCORD_TOKEN);
  const slack = Boolean(config.SLACK_BOT_TOKEN);
  return { discord, slack, shell: config.TERMINAL_CHAT || (!discord && !slack) };
}
