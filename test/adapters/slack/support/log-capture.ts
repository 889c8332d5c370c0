import { createLogger, type Logger } from '../../../../src/logging/logger';

export interface LogEntry {
  level: number;
  msg?: string;
  [key: string]: unknown;
}

/** A real pino logger (with the app's redaction) writing JSON lines into memory. */
export class LogCapture {
  readonly lines: string[] = [];
  readonly logger: Logger;

  constructor(level = 'debug') {
    this.logger = createLogger(level, { write: (line: string) => void this.lines.push(line) });
  }

  get entries(): LogEntry[] {
    return this.lines.map((line) => JSON.parse(line) as LogEntry);
  }

  /** Everything written, as one string (for "never contains" checks). */
  get raw(): string {
    return this.lines.join('');
  }

  find(msg: string): LogEntry[] {
    return this.entries.filter((e) => e.msg === msg);
  }
}
