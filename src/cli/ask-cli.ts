import { createInterface } from 'node:readline';
import { type AnsweredQuestion, answerQuestion } from '../conversation/answer-question';
import { ConfigError, environmentWithDotenv, loadConfig } from '../config/load-config';
import { KnowledgeError, loadKnowledge } from '../knowledge/load-knowledge';
import { KnowledgeState } from '../knowledge/knowledge-state';
import { createMatcher } from '../matching/create-matcher';
import { formatTrace } from './explain-trace';
import { renderShellReply } from '../../adapters/shell/render-shell-reply';

/** The CLI's stable JSON contract (one object per question). */
export interface AskJson {
  kind: 'answer' | 'fallback' | 'escalation' | 'small-talk';
  faqId: string | null;
  confidence: number;
  text: string;
  sources: string[];
  suggestions: string[];
  /** The whole reply as the terminal chat sends it: text, sources, numbered suggestions, disclaimer. */
  sent: string;
}

const USAGE = `Usage: npm run -s ask -- [--json | --explain] ["question"]
Answers one question from the knowledge pack, or every line of stdin in order (a prompt when typing).
Reads KNOWLEDGE_DIR only and records nothing.

  --json      one JSON object per question: kind, faqId, confidence, text, sources, suggestions, sent
  --explain   the matcher's trace: folded text, clauses, concepts, candidates, out-of-scope terms, red flag
  -h, --help  this text
  --          the rest is the question, even if it starts with "-"
`;

/** The flags and the question; null when a flag is unknown. */
function parseArgs(argv: string[]): { json: boolean; explain: boolean; help: boolean; words: string[] } | { unknown: string } {
  let json = false;
  let explain = false;
  let help = false;
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') {
      words.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '--json') json = true;
    else if (arg === '--explain') explain = true;
    else if (arg === '--help' || arg === '-h') help = true;
    else if (arg.startsWith('-') && arg.length > 1) return { unknown: arg };
    else words.push(arg);
  }
  return { json, explain, help, words };
}

function pick(env: Record<string, string | undefined>, keys: string[]): Record<string, string | undefined> {
  return Object.fromEntries(keys.map((k) => [k, env[k]]));
}

function toJson({ reply, smallTalk }: AnsweredQuestion): AskJson {
  return {
    kind: smallTalk ? 'small-talk' : reply.kind === 'answer' || reply.kind === 'escalation' ? reply.kind : 'fallback',
    faqId: reply.faqId,
    confidence: Math.round(reply.confidence * 1000) / 1000,
    text: reply.text,
    sources: reply.sources,
    suggestions: reply.suggestions.map((s) => s.question),
    sent: renderShellReply(reply).text,
  };
}

function toText({ reply, smallTalk }: AnsweredQuestion): string {
  const label = smallTalk ? `small talk ${smallTalk}` : `${reply.kind}${reply.faqId ? ` ${reply.faqId}` : ''}`;
  const lines = [`[${label}, confidence ${reply.confidence.toFixed(2)}]`, reply.text];
  if (reply.sources.length > 0) lines.push(`Sources: ${reply.sources.join(', ')}`);
  if (reply.suggestions.length > 0) lines.push(`Did you mean: ${reply.suggestions.map((s) => s.question).join(' | ')}`);
  return `${lines.join('\n')}\n`;
}

/**
 * `npm run -s ask -- [--json] ["question"]`: answers one question, or every stdin line in order.
 * Nothing but answers goes to stdout; it reads the knowledge pack only and records nothing.
 */
async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if ('unknown' in args) {
    process.stderr.write(`unknown option ${args.unknown}\n\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const { json, explain } = args;
  const question = args.words.join(' ');
  // Only the pack matters here: a half-configured platform must not stop an operator checking answers.
  const { KNOWLEDGE_DIR } = loadConfig(pick(environmentWithDotenv(), ['KNOWLEDGE_DIR']));
  const state = new KnowledgeState(loadKnowledge(KNOWLEDGE_DIR));
  const explaining = explain ? createMatcher(state.knowledge) : null;
  const format = (q: string) => {
    if (explaining) return `${formatTrace(explaining.explain(q)).join('\n')}\n`;
    const answered = answerQuestion(state, q);
    return json ? `${JSON.stringify(toJson(answered))}\n` : toText(answered);
  };

  if (args.words.length > 0) {
    process.stdout.write(format(question));
    return 0;
  }
  // Typing at a terminal: a prompt on stderr (stdout stays answers only), Ctrl-D to end.
  const interactive = Boolean(process.stdin.isTTY);
  const rl = createInterface({ input: process.stdin, output: interactive ? process.stderr : undefined, terminal: interactive });
  if (interactive) {
    process.stderr.write('Ask an aftercare question (Ctrl-D to end).\n');
    rl.setPrompt('question> ');
    rl.prompt();
  }
  for await (const line of rl) {
    process.stdout.write(format(line));
    if (interactive) rl.prompt();
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const known = error instanceof ConfigError || error instanceof KnowledgeError;
    process.stderr.write(`${known ? (error as Error).message : String((error as Error)?.stack ?? error)}\n`);
    process.exitCode = 2;
  },
);
