import pino, { type Logger } from 'pino';

export type { Logger };

/** Keys whose values never reach a log line, wherever they appear. */
const REDACT = [
  'token',
  '*.token',
  'authorization',
  '*.authorization',
  'headers.authorization',
  '*.headers.authorization',
  'DISCORD_TOKEN',
  'SLACK_BOT_TOKEN',
  'SLACK_APP_TOKEN',
  'SLACK_SIGNING_SECRET',
  '*.DISCORD_TOKEN',
  '*.SLACK_BOT_TOKEN',
  '*.SLACK_APP_TOKEN',
  '*.SLACK_SIGNING_SECRET',
];

/** Token-shaped strings (Discord bot tokens, Slack xox… and xapp tokens) masked inside any logged text. */
const TOKEN_PATTERN = /\b(xox[abposr]-[\w-]+|xapp-[\w-]+|[\w-]{23,28}\.[\w-]{6,7}\.[\w-]{27,})\b/g;

export function maskTokens(text: string): string {
  return text.replace(TOKEN_PATTERN, '[redacted-token]');
}

/** Logs go to stderr so stdout stays clean for the shell chat and the CLI. */
export function createLogger(level: string, destination: pino.DestinationStream = pino.destination(2)): Logger {
  return pino(
    {
      level,
      redact: { paths: REDACT, censor: '[redacted]' },
      hooks: {
        logMethod(args, method) {
          // Error messages from platform libraries can quote a token; mask before writing.
          const masked = args.map((a) => (typeof a === 'string' ? maskTokens(a) : a)) as typeof args;
          method.apply(this, masked);
        },
      },
      serializers: {
        err: (err: Error) => {
          const s = pino.stdSerializers.err(err);
          return { ...s, message: maskTokens(s.message), stack: s.stack ? maskTokens(s.stack) : s.stack };
        },
      },
    },
    destination,
  );
}

/** A logger that writes nothing (tests, benches). */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
