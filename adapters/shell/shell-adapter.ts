import { userInfo } from 'node:os';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { ConversationCore } from '../../src/conversation/conversation-core';
import type { IncomingMessage } from '../../src/conversation/incoming-message';
import type { Reply, ReplyButton } from '../../src/conversation/reply';
import type { Logger } from '../../src/logging/logger';
import type { Adapter, Address, MessageRef } from '../../src/platform/adapter';
import { renderShellReply } from './render-shell-reply';

export interface ShellAdapterOptions {
  core: ConversationCore;
  input: Readable;
  output: Writable;
  logger: Logger;
  /** Show a banner and a prompt (a person at a terminal); off for piped input. */
  interactive: boolean;
  /** Shell-only words (e.g. "/advance 1d"); the text to print (or its promise), or null when not handled. */
  localCommand?: (line: string) => string | null | Promise<string | null>;
}

export const SHELL_USER_ID = 'local';
export const SHELL_CHANNEL_ID = 'terminal';

/** The terminal chat: the default adapter and the developer's harness. Streams are injected. */
export class ShellAdapter implements Adapter {
  readonly platform = 'shell' as const;
  private choices: ReplyButton[] = [];
  private nextMessageId = 1;
  private readonly userName = safeUserName();
  private closeInput: (() => void) | null = null;
  /** Resolves when input has ended and every line has been answered. */
  readonly finished: Promise<void>;
  private resolveFinished!: () => void;

  constructor(private readonly options: ShellAdapterOptions) {
    this.finished = new Promise((resolve) => {
      this.resolveFinished = resolve;
    });
  }

  async start(): Promise<void> {
    const { input, output, interactive } = this.options;
    const rl = createInterface({ input, output: interactive ? output : undefined, terminal: false });
    this.closeInput = () => rl.close();
    if (interactive) {
      this.write('aftercare-bot: ask a microneedling aftercare question, "help" for commands, "exit" to leave.');
    }
    // Lines are answered one at a time, in order, so piped input gets its answers in sequence.
    void (async () => {
      try {
        this.prompt();
        for await (const line of rl) {
          if (/^(exit|quit)$/i.test(line.trim())) break;
          await this.handleLine(line);
          this.prompt();
        }
      } finally {
        rl.close();
        this.resolveFinished();
      }
    })();
  }

  async stop(): Promise<void> {
    this.closeInput?.();
  }

  private async handleLine(line: string): Promise<void> {
    const trimmed = line.trim();
    const local = (await this.options.localCommand?.(trimmed)) ?? null;
    if (local !== null) {
      this.write(local);
      return;
    }
    const chosen = /^\d{1,2}$/.test(trimmed) ? this.choices[Number(trimmed) - 1] : undefined;
    const message: IncomingMessage = {
      platform: 'shell',
      user: { id: SHELL_USER_ID, displayName: this.userName },
      channel: { id: SHELL_CHANNEL_ID, isDirect: true },
      text: chosen ? '' : line,
      action: chosen?.action,
      // The person at the terminal runs the bot: they are its moderator.
      isModerator: true,
    };
    await this.options.core.dispatch(message, { event: chosen ? 'choice' : 'line', send: async (reply) => this.show(reply) });
  }

  private show(reply: Reply): void {
    const { text, choices } = renderShellReply(reply);
    this.choices = choices;
    this.write(text);
  }

  private write(text: string): void {
    this.options.output.write(`${text}\n`);
  }

  private prompt(): void {
    if (this.options.interactive) this.options.output.write('> ');
  }

  async sendDirect(_address: Address, reply: Reply): Promise<MessageRef> {
    this.write('');
    this.show(reply);
    this.prompt();
    return { platform: 'shell', channelId: SHELL_CHANNEL_ID, messageId: String(this.nextMessageId++) };
  }

  async send(channelId: string, reply: Reply): Promise<MessageRef> {
    this.show(reply);
    return { platform: 'shell', channelId, messageId: String(this.nextMessageId++) };
  }

  async pin(ref: MessageRef): Promise<void> {
    this.write(`[pinned message ${ref.messageId}]`);
  }

  async unpin(ref: MessageRef): Promise<void> {
    this.write(`[unpinned message ${ref.messageId}]`);
  }

  async edit(ref: MessageRef, reply: Reply): Promise<void> {
    this.write(`[message ${ref.messageId} edited]`);
    this.show(reply);
  }

  async remove(ref: MessageRef): Promise<void> {
    this.write(`[message ${ref.messageId} deleted]`);
  }
}

function safeUserName(): string {
  try {
    return userInfo().username;
  } catch {
    return 'you';
  }
}
