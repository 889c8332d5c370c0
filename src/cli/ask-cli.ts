import { createInterface } from 'node:readline';
import { answerQuestion } from '../conversation/answer-question';
import type { Reply } from '../conversation/reply';
import { ConfigError, environmentWithDotenv, loadConfig } from '../config/load-config';
import { KnowledgeError, loadKnowledge } from '../knowledge/load-knowledge';
import { KnowledgeState } from '../knowledge/knowledge-state';

/** The CLI's stable JSON contract (one object per question). */
export interface AskJson {
  kind: 'answer' | 'fallback' | 'escalation';
  faqId: string | null;
  confidence: number;
  text: string;
  sources: string[];
  suggestions: string[];
}

function pick(env: Record<string, string | undefined>, keys: string[]): Record<string, string | undefined> {
  return Object.fromEntries(keys.map((k) => [k, env[k]]));
}

function toJson(reply: Reply): AskJson {
  return {
    kind: reply.kind === 'answer' || reply.kind === 'escalation' ? reply.kind : 'fallback',
    faqId: reply.faqId,
    confidence: Math.round(reply.confidence * 1000) / 1000,
    text: reply.text,
    sources: reply.sources,
    suggestions: reply.suggestions.map((s) => s.question),
  };
}

function toText(reply: Reply): string {
  const lines = [`[${reply.kind}${reply.faqId ? ` ${reply.faqId}` : ''}, confidence ${reply.confidence.toFixed(2)}]`, reply.text];
  if (reply.sources.length > 0) lines.push(`Sources: ${reply.sources.join(', ')}`);
  if (reply.suggestions.length > 0) lines.push(`Did you mean: ${reply.suggestions.map((s) => s.question).join(' | ')}`);
  return `${lines.join('\n')}\n`;
}

/**
 * `npm run -s ask -- [--json] ["question"]`: answers one question, or every stdin line in order.
 * Nothing but answers goes to stdout; it reads the knowledge pack only and records nothing.
 */
async function main(argv: string[]): Promise<number> {
  const json = argv.includes('--json');
  const question = argv.filter((a) => a !== '--json').join(' ');
  // Only the pack matters here: a half-configured platform must not stop an operator checking answers.
  const { KNOWLEDGE_DIR } = loadConfig(pick(environmentWithDotenv(), ['KNOWLEDGE_DIR']));
  const state = new KnowledgeState(loadKnowledge(KNOWLEDGE_DIR));
  const format = (q: string) => {
    const { reply } = answerQuestion(state, q);
    return json ? `${JSON.stringify(toJson(reply))}\n` : toText(reply);
  };

  if (question.trim() !== '' || argv.length > (json ? 1 : 0)) {
    process.stdout.write(format(question));
    return 0;
  }
  const rl = createInterface({ input: process.stdin, terminal: false });
  for await (const line of rl) process.stdout.write(format(line));
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
