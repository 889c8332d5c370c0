import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

export interface FirstAnswerResult {
  ms: number | null;
  lines: string[];
}

const CLI = 'src/cli/ask-cli.ts';
const TSX = 'node_modules/.bin/tsx';
const TIMEOUT_MS = 60_000;

/** Time from spawning the CLI (a cold start: tsx, knowledge load, index build) to its first stdout line. */
export function runFirstAnswerBench(question = 'does it hurt?'): Promise<FirstAnswerResult> {
  if (!existsSync(CLI)) {
    return Promise.resolve({ ms: null, lines: [`Start to first answer: skipped, ${CLI} does not exist yet`] });
  }
  return new Promise((resolve) => {
    const start = process.hrtime.bigint();
    const child = spawn(TSX, [CLI, '--json', question], { stdio: ['ignore', 'pipe', 'pipe'] });
    let buffered = '';
    let stderr = '';
    let done = false;
    const finish = (result: FirstAnswerResult): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      child.kill();
      resolve(result);
    };
    const timer = setTimeout(() => finish({ ms: null, lines: [`Start to first answer: no output within ${TIMEOUT_MS} ms`] }), TIMEOUT_MS);
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      if (!buffered.includes('\n')) return;
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      finish({ ms, lines: [`Start to first answer (tsx ${CLI} --json ${JSON.stringify(question)}): ${ms.toFixed(0)} ms`] });
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    child.on('error', (error) => finish({ ms: null, lines: [`Start to first answer: could not spawn: ${error.message}`] }));
    child.on('close', (code) =>
      finish({ ms: null, lines: [`Start to first answer: CLI exited (code ${code}) before a line: ${stderr.trim().slice(0, 300)}`] }),
    );
  });
}
