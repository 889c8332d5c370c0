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
  /** Answers text as a question (recorded for the moderators after the reply goes out). */
  answer(question: string): Reply;
}

/**
 * Declared conditions, checked by the core before the handler runs:
 * - moderator: anyone else gets a short private refusal and nothing changes;
 * - direct: only in a direct message; elsewhere the words are not this command (they are answered as a question).
 */
export type Precondition = 'moderator' | 'direct';

/** A text command. Slash commands on each platform are translated by the adapter into these words. */
export interface Command {
  /** Words as typed, e.g. "faq pin"; also the key adapters use for their slash-command tables. */
  name: string;
  usage: string;
  summary: string;
  preconditions: readonly Precondition[];
  /** Answers only the asker should see outside a direct message (the core's privacy policy applies it). */
  privateAnswers?: boolean;
  /** Hidden from `help` (e.g. greetings). */
  hidden?: boolean;
  /** Returns the argument text when this command should handle `text` (already trimmed), else null. */
  parse(text: string): string | null;
  run(ctx: CommandContext): Reply | Promise<Reply>;
}

/** A button press: `action` strings starting with `prefix` come here with the rest as `value`. */
export interface ActionHandler {
  prefix: string;
  preconditions: readonly Precondition[];
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
