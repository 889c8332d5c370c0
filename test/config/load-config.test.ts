import path from 'node:path';
import { enabledPlatforms, loadConfig } from '../../src/config/load-config';
import { configProblems } from '../support/config-problems';

const problems = configProblems;

describe('loadConfig', () => {
  it('gives working defaults with an empty environment', () => {
    const config = loadConfig({});
    expect(config.DATABASE_PATH).toBe('./data/aftercare.db');
    expect(config.QUIET_HOURS).toEqual({ startMinute: 21 * 60, endMinute: 8 * 60 });
    expect(config.DEFAULT_TIMEZONE).toBe('UTC');
    expect(enabledPlatforms(config)).toEqual({ shell: true, discord: false, slack: false });
  });

  it('takes LOG_LEVEL in any case', () => {
    expect(loadConfig({ LOG_LEVEL: 'INFO' }).LOG_LEVEL).toBe('info');
    expect(loadConfig({ LOG_LEVEL: ' Debug ' }).LOG_LEVEL).toBe('debug');
    expect(loadConfig({ LOG_LEVEL: '' }).LOG_LEVEL).toBe('info');
  });

  it("defaults KNOWLEDGE_DIR to the installation's knowledge folder, whatever the working directory", () => {
    const expected = path.join(__dirname, '..', '..', 'knowledge');
    expect(loadConfig({}).KNOWLEDGE_DIR).toBe(expected);
    expect(loadConfig({ KNOWLEDGE_DIR: '' }).KNOWLEDGE_DIR).toBe(expected);
    expect(loadConfig({ KNOWLEDGE_DIR: './pack' }).KNOWLEDGE_DIR).toBe('./pack');
  });

  it('takes a postgres:// DATABASE_URL and refuses anything else without echoing it (it holds a password)', () => {
    expect(loadConfig({}).DATABASE_URL).toBeUndefined();
    expect(loadConfig({ DATABASE_URL: 'postgres://bot:pw@db:5432/aftercare' }).DATABASE_URL).toBe('postgres://bot:pw@db:5432/aftercare');
    expect(loadConfig({ DATABASE_URL: 'postgresql://db/aftercare', PG_POOL_SIZE: '4' }).PG_POOL_SIZE).toBe(4);
    for (const bad of ['mysql://bot:s3cret@db/aftercare', 'db.internal:5432', 'postgres://']) {
      const message = problems({ DATABASE_URL: bad });
      expect(message).toMatch(/DATABASE_URL must be a postgres:\/\/user:password@host:5432\/database URL/);
      expect(message).not.toContain('s3cret');
    }
    expect(problems({ PG_POOL_SIZE: '0' })).toMatch(/PG_POOL_SIZE/);
  });

  it('takes how many processes share the check-in pace (CHECKIN_SENDERS), one by default', () => {
    expect(loadConfig({}).CHECKIN_SENDERS).toBe(1);
    expect(loadConfig({ CHECKIN_SENDERS: '3' }).CHECKIN_SENDERS).toBe(3);
    for (const bad of ['0', '1.5', 'three']) expect(problems({ CHECKIN_SENDERS: bad })).toMatch(/CHECKIN_SENDERS/);
  });

  it('names each bad setting without echoing its value', () => {
    const message = problems({ LOG_LEVEL: 'loud', DEFAULT_TIMEZONE: 'Mars/Olympus', QUIET_HOURS: '9pm-8am', PORT: 'x' });
    expect(message).toMatch(/LOG_LEVEL/);
    expect(message).toMatch(/DEFAULT_TIMEZONE must be an IANA time zone/);
    expect(message).toMatch(/QUIET_HOURS must look like 21:00-08:00/);
    expect(message).toMatch(/PORT/);
    expect(message).toMatch(/\.env\.example/);
  });

  it('refuses a Slack bot token with neither a signing secret nor an app token', () => {
    const message = problems({ SLACK_BOT_TOKEN: 'xoxb-secret-value' });
    expect(message).toMatch(/SLACK_BOT_TOKEN is set but neither SLACK_SIGNING_SECRET/);
    expect(message).not.toContain('xoxb-secret-value');
  });

  it('refuses a signing secret without a bot token, and malformed tokens', () => {
    expect(problems({ SLACK_SIGNING_SECRET: 'abc' })).toMatch(/SLACK_BOT_TOKEN is missing/);
    expect(problems({ SLACK_BOT_TOKEN: 'nope', SLACK_SIGNING_SECRET: 'abc' })).toMatch(/must start with xoxb-/);
    expect(problems({ DISCORD_API_URL: 'ftp://x' })).toMatch(/DISCORD_API_URL must be an http/);
    expect(problems({ CHECKIN_CRON: 'every minute' })).toMatch(/CHECKIN_CRON must be a cron expression/);
  });

  it('starts only the platforms whose settings are present, the shell when none or when asked', () => {
    const discord = loadConfig({ DISCORD_TOKEN: 'abc' });
    expect(enabledPlatforms(discord)).toEqual({ shell: false, discord: true, slack: false });
    const both = loadConfig({ DISCORD_TOKEN: 'abc', SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1', TERMINAL_CHAT: 'true' });
    expect(enabledPlatforms(both)).toEqual({ shell: true, discord: true, slack: true });
  });

  it('treats empty strings from .env.example as unset', () => {
    const config = loadConfig({ DISCORD_TOKEN: '', SLACK_BOT_TOKEN: '', DISCORD_GUILD_ID: '' });
    expect(enabledPlatforms(config).shell).toBe(true);
  });
});
