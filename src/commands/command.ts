import type { CoreDeps } from '../conversation/core-deps';
import type { IncomingMessage } from '../conversation/incoming-message';
import type { Reply } from '../conversation/reply';
import { groupOf } from './command-groups';
import { checkArgs, readInOrder } from './read-args';

export type ArgType = 'text' | 'integer' | 'boolean';
export type ArgValue = string | number | boolean;
export type ArgValues = Readonly<Record<string, ArgValue | undefined>>;

/** Where a text argument's suggestions come from while it is typed (the FAQ entries, those pinned here, time zones). */
export type ArgSuggestions = 'faq-entries' | 'faq-pinned' | 'time-zones';

/** One typed argument of a command; platforms with typed options (Discord) show it as one. */
export interface CommandArg {
  name: string;
  /** At most 100 characters (Discord's limit). */
  description: string;
  type: ArgType;
  required: boolean;
  maxLength?: number;
  suggestions?: ArgSuggestions;
  /** Said after "Which <name>? Usage: …" when a required argument is missing (where to find a value). */
  hint?: string;
}

type ValueOf<T extends ArgType> = { text: string; integer: number; boolean: boolean }[T];

type ArgsWhere<A extends readonly CommandArg[], R extends boolean> = Extract<A[number], { required: R }>;

/** The handler's arguments, typed from the spec's list: a required one is always there, others may be absent. */
export type ArgsOf<A extends readonly CommandArg[]> = {
  readonly [X in ArgsWhere<A, true> as X['name']]: ValueOf<X['type']>;
} & {
  readonly [X in ArgsWhere<A, false> as X['name']]?: ValueOf<X['type']> | undefined;
};

/** Reading arguments gives the values, or a problem to tell the person (nothing runs then). */
export type ReadArgs<V> = { ok: true; args: V } | { ok: false; problem: string };

export interface CommandContext<V = ArgValues> {
  message: IncomingMessage;
  /** The arguments, typed, whether the platform parsed them (a slash command's options) or the core read the words. */
  args: V;
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

/**
 * One command spec, written once: the core's parser, Discord's application command and the `/aftercare` help
 * are all made from it. Two words ("faq pin") are a subcommand of a group (command-groups.ts) on platforms
 * that have them, and have the group's preconditions and privacy. Only `name`, `summary` and `run` are required.
 */
export interface CommandSpec<A extends readonly CommandArg[]> {
  /** Words as typed, e.g. "faq pin"; also the platform command's name ("/faq pin", "/aftercare faq pin"). */
  name: string;
  /** What it does, for help ("• faq pin <topic> — <summary>"); help adds "(moderators)" where it applies. */
  summary: string;
  /** One line for platform menus (Discord's description), at most 100 characters. Default: the summary, capitalised. */
  description?: string;
  args?: A;
  /** `menu` (default): a platform command and a line in help; `words`: typed words only (greetings, DM words). */
  offered?: 'menu' | 'words';
  preconditions?: readonly Precondition[];
  /** Answers only the asker should see outside a direct message (the core's privacy policy applies it). */
  privateAnswers?: boolean;
  /** Other words for its last word: "checkins stop" is also "checkins cancel". */
  aliases?: readonly string[];
  /**
   * Other words for it than its name: a pattern whose group 1 is the argument text, or a function returning that
   * text (null: not this command). Default: the name's words (or aliases), then the arguments; nothing may follow
   * a command without arguments.
   */
  words?: RegExp | ((text: string) => string | null);
  /** The argument text → the arguments, where they are not simply in the spec's order (default: in order). */
  readText?(text: string): ReadArgs<ArgsOf<A>>;
  /** Said after an argument problem: what did not happen ("No check-ins were set up."). */
  unchanged?: string;
  run(ctx: CommandContext<ArgsOf<A>>): Reply | Promise<Reply>;
}

/** A command as the registry and the surfaces hold it (argument types erased); made by `defineCommand`. */
export interface Command {
  name: string;
  /** "faq pin <topic>", "checkins start [date] [hour] [timezone]": made from the name and the arguments. */
  usage: string;
  summary: string;
  description: string;
  args: readonly CommandArg[];
  offered: 'menu' | 'words';
  preconditions: readonly Precondition[];
  privateAnswers: boolean;
  unchanged?: string;
  /** The argument text when `text` (trimmed) is this command, else null. */
  match(text: string): string | null;
  /** The typed arguments from the words after the command. */
  readText(text: string): ReadArgs<ArgValues>;
  /** The typed arguments from a platform's parsed options (a slash command's). */
  readOptions(options: ArgValues): ReadArgs<ArgValues>;
  run(ctx: CommandContext): Reply | Promise<Reply>;
}

/** A button press: `action` strings starting with `prefix` come here with the rest as `value`. */
export interface ActionHandler {
  prefix: string;
  preconditions: readonly Precondition[];
  run(ctx: Omit<CommandContext, 'args'> & { value: string }): Reply | Promise<Reply>;
}

/**
 * The name's words, case-insensitive and whole (the group's word as the group spells it, the last word or an
 * alias), then the argument text when the command takes any.
 */
function nameWords(name: string, aliases: readonly string[], takesArgs: boolean): (text: string) => string | null {
  const words = name.split(' ');
  const last = [words.pop() ?? '', ...aliases].map(escapeRegExp).join('|');
  const group = words.map((w) => groupOf(name)?.spelling ?? escapeRegExp(w));
  const pattern = new RegExp(`^/?${[...group, `(?:${last})`].join('\\s+')}(?:\\s+([\\s\\S]*))?$`, 'i');
  return (text) => {
    const m = pattern.exec(text);
    if (!m) return null;
    const rest = (m[1] ?? '').trim();
    return rest && !takesArgs ? null : rest;
  };
}

function wordsMatcher(words: RegExp | ((text: string) => string | null)): (text: string) => string | null {
  if (typeof words === 'function') return words;
  return (text) => {
    const m = words.exec(text);
    return m ? (m[1] ?? '').trim() : null;
  };
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export const usageOf = (name: string, args: readonly CommandArg[]): string =>
  [name, ...args.map((a) => (a.required ? `<${a.name}>` : `[${a.name}]`))].join(' ');

/**
 * A command from its spec, the defaults filled in. `const A` keeps the argument names and types literal, so
 * `run` sees `args.topic` as a string and an optional `args.hour` as `string | undefined`.
 */
export function defineCommand<const A extends readonly CommandArg[] = readonly []>(spec: CommandSpec<A>): Command {
  const args: readonly CommandArg[] = spec.args ?? [];
  const usage = usageOf(spec.name, args);
  const group = groupOf(spec.name);
  return {
    name: spec.name,
    usage,
    summary: spec.summary,
    description: spec.description ?? spec.summary.charAt(0).toUpperCase() + spec.summary.slice(1),
    args,
    offered: spec.offered ?? 'menu',
    preconditions: [...(group?.preconditions ?? []), ...(spec.preconditions ?? [])],
    privateAnswers: (spec.privateAnswers ?? group?.privateAnswers) === true,
    ...(spec.unchanged !== undefined ? { unchanged: spec.unchanged } : {}),
    match: spec.words === undefined ? nameWords(spec.name, spec.aliases ?? [], args.length > 0) : wordsMatcher(spec.words),
    // The spec's own reading, or the default, is checked against the spec's types either way.
    readText: (text) => {
      const read = spec.readText ? (spec.readText(text) as ReadArgs<ArgValues>) : readInOrder(args, text, usage);
      return read.ok ? checkArgs(args, read.args, usage) : read;
    },
    readOptions: (options) => checkArgs(args, options, usage),
    // Safe: readText and readOptions hand `run` only values of the spec's types, required ones present.
    run: spec.run as Command['run'],
  };
}

/**
 * Other words for a command, typed only (not in menus): "stop" in a DM for "checkins stop". The same arguments,
 * privacy and handler; `preconditions` are added to the command's.
 */
export function wordsFor(command: Command, alias: { name: string; words: RegExp; preconditions?: readonly Precondition[] }): Command {
  return {
    ...command,
    name: alias.name,
    usage: usageOf(alias.name, command.args),
    offered: 'words',
    preconditions: [...command.preconditions, ...(alias.preconditions ?? [])],
    match: wordsMatcher(alias.words),
  };
}
