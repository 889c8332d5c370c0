import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface FirstAnswerResult {
  ms: number | null;
  lines: string[];
}

const TSX = 'node_modules/.bin/tsx';
const TIMEOUT_MS = 60_000;
const NO_PLATFORMS = { DISCORD_TOKEN: '', SLACK_BOT_TOKEN: '', SLACK_SIGNING_SECRET: '', SLACK_APP_TOKEN: '', TERMINAL_CHAT: '' };

/** Milliseconds from spawning a process to its first line on stdout (a cold start: tsx, knowledge, index, store). */
function timeToFirstLine(command: string, args: string[], input: string | null, env: Record<string, string>): Promise<number | string> {
  return new Promise((resolve) => {
    const start = process.hrtime.bigint();
    const child = spawn(command, args, { stdio: [input === null ? 'ignore' : 'pipe', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    let buffered = '';
    let stderr = '';
    let done = false;
    const finish = (result: number | string): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      child.kill();
      resolve(result);
    };
    const timer = setTimeout(() => finish(`no output within ${TIMEOUT_MS} ms`), TIMEOUT_MS);
    child.stdout?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      if (buffered.includes('\n')) finish(Number(process.hrtime.bigint() - start) / 1e6);
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    child.on('error', (error) => finish(`could not spawn: ${error.message}`));
    child.on('close', (code) => finish(`exited (code ${code}) before a line: ${stderr.trim().slice(0, 300)}`));
    if (input !== null) child.stdin?.end(input);
  });
}

const describe = (label: string, result: number | string) =>
  typeof result === 'number' ? `${label}: ${result.toFixed(0)} ms` : `${label}: ${result}`;

/**
 * Start to first answer: the production start (`node dist/src/main.js`, as in the Docker image; `npm run bench`
 * compiled dist/ just before it runs this), the development start (`npm start`, TypeScript compiled on the fly by tsx) and the ask CLI, each a
 * fresh process with a piped question and a new database. The goal figure is the production start's.
 */
export async function runFirstAnswerBench(question = 'does it hurt?'): Promise<FirstAnswerResult> {
  const dir = mkdtempSync(path.join(tmpdir(), 'aftercare-bench-start-'));
  try {
    const env = (name: string) => ({ ...NO_PLATFORMS, LOG_LEVEL: 'silent', DATABASE_PATH: path.join(dir, `${name}.db`) });
    const production = await timeToFirstLine(process.execPath, ['dist/src/main.js'], `${question}\n`, env('production'));
    const development = await timeToFirstLine(TSX, ['src/main.ts'], `${question}\n`, env('development'));
    const cli = await timeToFirstLine(TSX, ['src/cli/ask-cli.ts', '--json', question], null, env('cli'));
    return {
      ms: typeof production === 'number' ? production : null,
      lines: [
        describe('Start to first answer, production start (node dist/src/main.js after npm run build, new database)', production),
        describe('Start to first answer, npm start (tsx src/main.ts, compiled on the fly, new database)', development),
        describe(`Start to first answer, the CLI (tsx src/cli/ask-cli.ts --json ${JSON.stringify(question)})`, cli),
      ],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
