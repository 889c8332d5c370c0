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

  private waiters: Array<{ msg: string; resolve: (entry: LogEntry) => void }> = [];

  constructor(level = 'debug') {
    this.logger = createLogger(level, { write: (line: string) => this.add(line) });
  }

  private add(line: string): void {
    this.lines.push(line);
    const entry = JSON.parse(line) as LogEntry;
    for (const w of this.waiters.filter((w) => w.msg === entry.msg)) w.resolve(entry);
    this.waiters = this.waiters.filter((w) => w.msg !== entry.msg);
  }

  /** Resolves with the first entry logged with this message (already logged or yet to come). */
  waitFor(msg: string): Promise<LogEntry> {
    const logged = this.find(msg)[0];
    return logged ? Promise.resolve(logged) : new Promise((resolve) => this.waiters.push({ msg, resolve }));
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
