import type { CoreDeps } from '../conversation/core-deps';
import type { IncomingMessage } from '../conversation/incoming-message';
import type { Reply } from '../conversation/reply';

export interface CommandContext {
  message: IncomingMessage;
  /** Text after the command words, trimmed ("" when none). */
  args: string;
  deps: CoreDeps;
  /** The registry, for commands that list the others (help). */
  commands: readonly Command[];
}

/** A text command. Slash commands on each platform are translated by the adapter into these words. */
export interface Command {
  /** Words as typed, e.g. "faq pin"; also the key adapters use for their slash-command tables. */
  name: string;
  usage: string;
  summary: string;
  /** Refused (ephemerally, changing nothing) unless the adapter marked the sender a moderator. */
  moderatorOnly: boolean;
  /** Hidden from `help` (e.g. greetings). */
  hidden?: boolean;
  /** Returns the argument text when this command should handle `text` (already trimmed), else null. */
  parse(text: string): string | null;
  run(ctx: CommandContext): Reply | Promise<Reply>;
}

/** A button press: `action` strings starting with `prefix` come here with the rest as `value`. */
export interface ActionHandler {
  prefix: string;
  moderatorOnly: boolean;
  run(ctx: CommandContext & { value: string }): Reply | Promise<Reply>;
}

/** Parser for "<words> [args]" commands: case-insensitive, whole words only. */
export function wordsCommand(words: string, options: { allowArgs: boolean }): (text: string) => string | null {
  const pattern = new RegExp(`^/?${words.split(' ').join('\\s+')}(?:\\s+([\\s\\S]*))?$`, 'i');
  return (text) => {
    const m = pattern.exec(text);
    if (!m) return null;
    const args = (m[1] ?? '').trim();
    if (args && !options.allowArgs) return null;
    return args;
  };
}
