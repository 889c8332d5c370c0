import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import type { Logger } from '../../src/logging/logger';

const ORDER: LogLevel[] = [LogLevel.DEBUG, LogLevel.INFO, LogLevel.WARN, LogLevel.ERROR];

/**
 * Bolt's logger interface on top of ours (so tokens are masked the same way). Bolt and its web and
 * socket clients print request bodies and whole payloads at debug level, which would put message
 * content in the log: debug lines pass only when the operator allowed message content.
 */
export function boltLogger(logger: Logger, allowDebug: boolean): BoltLogger {
  const child = logger.child({ component: 'slack-bolt' });
  let level: LogLevel = LogLevel.INFO;
  const enabled = (at: LogLevel) => ORDER.indexOf(at) >= ORDER.indexOf(level);
  const line = (parts: unknown[]) => parts.map((p) => (p instanceof Error ? p.message : typeof p === 'string' ? p : safeJson(p))).join(' ');
  return {
    debug: (...msg: unknown[]) => {
      if (allowDebug && enabled(LogLevel.DEBUG)) child.debug(line(msg));
    },
    info: (...msg: unknown[]) => {
      if (enabled(LogLevel.INFO)) child.info(line(msg));
    },
    warn: (...msg: unknown[]) => {
      if (enabled(LogLevel.WARN)) child.warn(line(msg));
    },
    error: (...msg: unknown[]) => {
      if (enabled(LogLevel.ERROR)) child.error(line(msg));
    },
    setLevel: (next: LogLevel) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => {},
  };
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}
