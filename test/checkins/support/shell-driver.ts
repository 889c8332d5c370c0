import { PassThrough } from 'node:stream';
import { ShellAdapter } from '../../../adapters/shell/shell-adapter';
import type { ConversationCore } from '../../../src/conversation/conversation-core';
import { silentLogger } from '../../../src/logging/logger';

/** Drives a ShellAdapter line by line through PassThrough streams, awaiting the output each line should produce. */
export class ShellDriver {
  readonly shell: ShellAdapter;
  private readonly input = new PassThrough();
  private readonly output = new PassThrough();
  private text = '';
  private waiters: Array<() => void> = [];

  constructor(core: ConversationCore, localCommand?: (line: string) => string | null | Promise<string | null>) {
    this.output.on('data', (d: Buffer) => {
      this.text += d.toString();
      for (const w of this.waiters) w();
    });
    this.shell = new ShellAdapter({ core, input: this.input, output: this.output, logger: silentLogger(), interactive: false, localCommand });
  }

  start(): Promise<void> {
    return this.shell.start();
  }

  /** Everything printed so far. */
  get transcript(): string {
    return this.text;
  }

  /** Types a line and resolves with what was printed from then on, once it matches `until`. */
  say(line: string, until: RegExp): Promise<string> {
    const mark = this.text.length;
    return new Promise((resolve) => {
      const check = () => {
        const fresh = this.text.slice(mark);
        if (until.test(fresh)) {
          this.waiters = this.waiters.filter((w) => w !== check);
          resolve(fresh);
        }
      };
      this.waiters.push(check);
      this.input.write(`${line}\n`);
    });
  }

  async end(): Promise<void> {
    this.input.end();
    await this.shell.finished;
  }
}
