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
  /** The typed arguments, by name, when the platform parsed them (a slash command's options); else {}. */
  options: ArgValues;
  /** Answers text as a question (recorded for the moderators after the reply goes out). */
  answer(question: string): Reply;
}

export type ArgValue = string | number | boolean;
export type ArgValues = Readonly<Record<string, ArgValue | undefined>>;

/** Where a text argument's suggestions come from while it is typed (the FAQ entries, those pinned here, time zones). */
export type ArgSuggestions = 'faq-entries' | 'faq-pinned' | 'time-zones';

/** One typed argument of a command; platforms with typed options (Discord) show it as one. */
export interface CommandArg {
  name: string;
  /** At most 100 characters (Discord's limit). */
  description: string;
  type: 'text' | 'integer' | 'boolean';
  required: boolean;
  maxLength?: number;
  suggestions?: ArgSuggestions;
}

/**
 * Declared conditions, checked by the core before the handler runs:
 * - moderator: anyone else gets a short private refusal and nothing changes;
 * - direct: only in a direct message; elsewhere the words are not this command (they are answered as a question).
 */
export type Precondition = 'moderator' | 'direct';

/**
 * One command spec: the core's parser, Discord's application command and the `/aftercare` help are all made
 * from it. Two words ("faq pin") are a subcommand of a group (command-groups.ts) on platforms that have them.
 */
export interface Command {
  /** Words as typed, e.g. "faq pin"; also the platform command's name ("/faq pin", "/aftercare faq pin"). */
  name: string;
  usage: string;
  summary: string;
  /** One line for platform menus (Discord's description): at most 100 characters. */
  description: string;
  args: readonly CommandArg[];
  /** `menu`: a platform command and a line in help; `words`: typed words only (greetings, DM words). */
  offered: 'menu' | 'words';
  preconditions: readonly Precondition[];
  /** Answers only the asker should see outside a direct message (the core's privacy policy applies it). */
  privateAnswers?: boolean;
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
