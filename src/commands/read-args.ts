import type { ArgValue, ArgValues, CommandArg, ReadArgs } from './command';

const BOOLEAN_WORDS = new Map<string, boolean>([
  ['yes', true],
  ['true', true],
  ['on', true],
  ['no', false],
  ['false', false],
  ['off', false],
]);

/** One typed word as the argument's type, or a problem naming it. */
function fromWord(arg: CommandArg, word: string, usage: string): ReadArgs<ArgValue> {
  if (arg.type === 'text') return { ok: true, args: word };
  if (arg.type === 'integer') {
    return /^[+-]?\d{1,15}$/.test(word)
      ? { ok: true, args: Number(word) }
      : { ok: false, problem: `"${word}" is not a whole number (${arg.name}). Usage: ${usage}` };
  }
  const value = BOOLEAN_WORDS.get(word.toLowerCase());
  return value === undefined ? { ok: false, problem: `${arg.name} is yes or no, not "${word}". Usage: ${usage}` } : { ok: true, args: value };
}

/**
 * The default reading of the words after a command: the arguments in the spec's order, one word each, the last
 * taking the rest ("ask does it hurt" → question "does it hurt").
 */
export function readInOrder(args: readonly CommandArg[], text: string, usage: string): ReadArgs<ArgValues> {
  const values: Record<string, ArgValue> = {};
  let rest = text.trim();
  for (const [i, arg] of args.entries()) {
    if (rest === '') break;
    const last = i === args.length - 1;
    const word = last ? rest : (rest.split(/\s+/, 1)[0] ?? '');
    rest = last ? '' : rest.slice(word.length).trim();
    const read = fromWord(arg, word, usage);
    if (!read.ok) return read;
    values[arg.name] = read.args;
  }
  return { ok: true, args: values };
}

/**
 * Checks arguments against the spec, whoever parsed them (a platform's options, or the words): each of its type,
 * text trimmed (empty is absent), required ones present, and only the spec's names kept.
 */
export function checkArgs(args: readonly CommandArg[], options: ArgValues, usage: string): ReadArgs<ArgValues> {
  const values: Record<string, ArgValue> = {};
  for (const arg of args) {
    // An own property only: names arrive from the network, and "constructor" must not find Object.prototype's.
    const raw = Object.hasOwn(options, arg.name) ? options[arg.name] : undefined;
    const value = typeof raw === 'string' ? raw.trim() : raw;
    if (value === undefined || value === '') {
      if (arg.required) return { ok: false, problem: `Which ${arg.name}? Usage: ${usage}.${arg.hint ? ` ${arg.hint}` : ''}` };
      continue;
    }
    const expected = arg.type === 'text' ? 'string' : arg.type === 'integer' ? 'number' : 'boolean';
    if (typeof value !== expected || (arg.type === 'integer' && !Number.isInteger(value))) {
      return { ok: false, problem: `${arg.name} should be ${arg.type === 'text' ? 'text' : `a ${arg.type}`}. Usage: ${usage}` };
    }
    values[arg.name] = value;
  }
  return { ok: true, args: values };
}
