import { IANAZone } from 'luxon';
import cron from 'node-cron';
import { z } from 'zod';
import path from 'node:path';
import { installRoot } from './install-root';

const optionalString = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v === '' ? undefined : v));

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
  .optional()
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const hourMinute = /^([01]?\d|2[0-3]):([0-5]\d)$/;

function parseClock(value: string): number {
  const m = hourMinute.exec(value.trim());
  if (!m) return Number.NaN;
  return Number(m[1]) * 60 + Number(m[2]);
}

function isPostgresUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'postgres:' || url.protocol === 'postgresql:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** Every setting the bot reads. Each is listed, with a comment, in .env.example. */
export const configSchema = z
  .object({
    // Any case (INFO, Debug): operators write levels the way other tools print them.
    LOG_LEVEL: z.preprocess(
      (v) => (typeof v === 'string' ? v.trim().toLowerCase() || undefined : v),
      z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    ),
    /** Message text is personal; it reaches the log only when an operator turns this on. */
    LOG_MESSAGE_CONTENT: booleanFlag,
    DATABASE_PATH: z.string().trim().min(1).default('./data/aftercare.db'),
    /** PostgreSQL instead of the SQLite file, for several bot processes sharing one database. Holds a password: never logged. */
    DATABASE_URL: optionalString.refine((v) => v === undefined || isPostgresUrl(v), 'must be a postgres://user:password@host:5432/database URL'),
    /** Connections each process keeps to PostgreSQL. */
    PG_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
    /** Secret of the keyed hash that links question records to an asker for forget-me; never in the database. */
    ASKER_KEY_SECRET: optionalString.refine((v) => v === undefined || v.length >= 32, 'must be at least 32 characters'),
    /** Where that secret is kept when ASKER_KEY_SECRET is not set (created 0600 on first start). */
    ASKER_KEY_FILE: optionalString,
    /** Default: the knowledge/ folder of this installation, so `node dist/src/main.js` finds it from any cwd. */
    KNOWLEDGE_DIR: optionalString.transform((v) => v ?? path.join(installRoot(), 'knowledge')),
    /** Start the terminal chat even when a platform token is set. (Not SHELL: that names the login shell.) */
    TERMINAL_CHAT: booleanFlag,
    DEFAULT_TIMEZONE: z
      .string()
      .trim()
      .default('UTC')
      .refine((zone) => IANAZone.isValidZone(zone), 'must be an IANA time zone such as Europe/Berlin'),
    QUIET_HOURS: z
      .string()
      .trim()
      .default('21:00-08:00')
      .transform((value, ctx) => {
        const [from, to, ...rest] = value.split('-');
        const start = parseClock(from ?? '');
        const end = parseClock(to ?? '');
        if (rest.length > 0 || Number.isNaN(start) || Number.isNaN(end)) {
          ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'must look like 21:00-08:00 (local start-end)' });
          return z.NEVER;
        }
        return { startMinute: start, endMinute: end };
      }),
    CHECKIN_CRON: z
      .string()
      .trim()
      .default('* * * * *')
      .refine((expression) => cron.validate(expression), 'must be a cron expression such as "* * * * *" (every minute)'),
    /**
     * Bot processes sending check-ins through the same Discord bot or Slack app (several on one PostgreSQL): the
     * platform's limit is per bot, so each paces at 1/N of it and together they stay within it.
     */
    CHECKIN_SENDERS: z.coerce.number().int().min(1).max(1000).default(1),
    DISCORD_TOKEN: optionalString,
    DISCORD_GUILD_ID: optionalString.refine((v) => v === undefined || /^\d{17,20}$/.test(v), 'must be a numeric guild id'),
    DISCORD_API_URL: optionalString.refine((v) => v === undefined || /^https?:\/\//.test(v), 'must be an http(s) URL'),
    DISCORD_MESSAGE_CONTENT: booleanFlag,
    /**
     * Gateway shards across every process of this bot: a number, or `auto` for Discord's recommendation (GET
     * /gateway/bot). Unset: one shard, as discord.js does by default. Discord requires sharding from 2,500 guilds.
     */
    DISCORD_SHARD_COUNT: z
      .string()
      .trim()
      .optional()
      .transform((v, ctx) => {
        if (v === undefined || v === '') return undefined;
        if (v.toLowerCase() === 'auto') return 'auto' as const;
        if (!/^\d+$/.test(v) || Number(v) < 1 || Number(v) > 100_000) {
          ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'must be a whole number of shards (1 or more) or "auto"' });
          return z.NEVER;
        }
        return Number(v);
      }),
    /** The shards this process holds, e.g. `0,1`; unset: all of them. Lets several processes split the shards. */
    DISCORD_SHARD_IDS: z
      .string()
      .trim()
      .optional()
      .transform((v, ctx) => {
        if (v === undefined || v === '') return undefined;
        const parts = v.split(',').map((s) => s.trim());
        if (parts.some((p) => !/^\d+$/.test(p))) {
          ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'must list shard ids separated by commas, such as 0,1' });
          return z.NEVER;
        }
        const ids = parts.map(Number);
        if (new Set(ids).size !== ids.length) {
          ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'lists a shard id twice' });
          return z.NEVER;
        }
        return ids.sort((a, b) => a - b);
      }),
    SLACK_BOT_TOKEN: optionalString.refine((v) => v === undefined || v.startsWith('xoxb-'), 'must start with xoxb-'),
    SLACK_SIGNING_SECRET: optionalString,
    SLACK_APP_TOKEN: optionalString.refine((v) => v === undefined || v.startsWith('xapp-'), 'must start with xapp-'),
    SLACK_API_URL: optionalString.refine((v) => v === undefined || /^https?:\/\//.test(v), 'must be an http(s) URL'),
    SLACK_MODERATORS: z
      .string()
      .optional()
      .transform((v) =>
        (v ?? '')
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      ),
    /**
     * Per-person rate limit: this many events at once, then one more every RATE_LIMIT_REFILL_SECONDS. The defaults
     * allow 5 at once, then 5 per 30 seconds (a person rarely types faster; a script gets 5 answers, not 1,000).
     */
    RATE_LIMIT_BURST: z.coerce.number().int().min(1).max(1000).default(5),
    RATE_LIMIT_REFILL_SECONDS: z.coerce.number().min(0.1).max(3600).default(6),
    /** Question records one person may add per UTC day (a flood must not fill the disk). */
    QUESTION_RECORDS_PER_USER_PER_DAY: z.coerce.number().int().min(0).max(100_000).default(200),
    /** Events answered at once; more are shed (dropped and counted) instead of queueing without bound. */
    MAX_PENDING_EVENTS: z.coerce.number().int().min(1).max(100_000).default(200),
    /** SIGTERM/SIGINT: how long in-flight replies and check-in sends may take before they are abandoned. */
    SHUTDOWN_GRACE_SECONDS: z.coerce.number().min(0).max(300).default(10),
    /** 0 takes any free port (tests that run several bots at once). */
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  })
  .superRefine((c, ctx) => {
    // A field that failed its own check arrives here as z.NEVER: only well-formed values are compared.
    const ids = Array.isArray(c.DISCORD_SHARD_IDS) ? c.DISCORD_SHARD_IDS : undefined;
    if (ids && c.DISCORD_SHARD_COUNT === undefined) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['DISCORD_SHARD_IDS'],
        message: 'needs DISCORD_SHARD_COUNT too (the total number of shards across all processes)',
      });
    }
    if (ids && c.DISCORD_SHARD_COUNT === 'auto') {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['DISCORD_SHARD_IDS'],
        message: 'cannot be combined with DISCORD_SHARD_COUNT=auto (auto holds every shard in this process): set a number of shards',
      });
    }
    const count = c.DISCORD_SHARD_COUNT;
    if (ids && typeof count === 'number' && ids.some((id) => id >= count)) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['DISCORD_SHARD_IDS'],
        message: `must be below DISCORD_SHARD_COUNT (${count}): shard ids run from 0 to ${count - 1}`,
      });
    }
    if (c.SLACK_BOT_TOKEN && !c.SLACK_SIGNING_SECRET && !c.SLACK_APP_TOKEN) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['SLACK_BOT_TOKEN'],
        message:
          'is set but neither SLACK_SIGNING_SECRET (HTTP mode) nor SLACK_APP_TOKEN (Socket Mode) is: set one of them',
      });
    }
    if (!c.SLACK_BOT_TOKEN && (c.SLACK_SIGNING_SECRET || c.SLACK_APP_TOKEN)) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['SLACK_BOT_TOKEN'],
        message: 'is missing: SLACK_SIGNING_SECRET or SLACK_APP_TOKEN is set, and Slack also needs the xoxb- bot token',
      });
    }
  });

export type Config = z.infer<typeof configSchema>;
export type QuietHours = Config['QUIET_HOURS'];
