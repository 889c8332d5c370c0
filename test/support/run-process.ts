import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

export const ROOT = path.join(__dirname, '..', '..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');

const NO_PLATFORMS = { DISCORD_TOKEN: '', SLACK_BOT_TOKEN: '', SLACK_SIGNING_SECRET: '', SLACK_APP_TOKEN: '', TERMINAL_CHAT: '' };

export interface ProcessResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a TypeScript entry point as a real process (as `npm start` / `npm run ask` do) and collects its output. */
export function runTs(script: string, args: string[], options: { input?: string; env?: Record<string, string> } = {}): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, [path.join(ROOT, script), ...args], {
      cwd: ROOT,
      // Platform settings blanked (they win over a developer's .env), so a test never reaches real Discord or Slack.
      env: { ...process.env, LOG_LEVEL: 'silent', ...NO_PLATFORMS, ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

/** The exit code of a started child process, once it has closed. */
export function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.on('close', (code) => resolve(code)));
}

/** Pipes one line to a started bot, waits for it to exit, and returns its exit code and stdout. */
export async function pipedAnswer(child: ChildProcess, line: string): Promise<{ code: number | null; stdout: string }> {
  let stdout = '';
  child.stdout!.on('data', (d: Buffer) => {
    stdout += d.toString();
  });
  child.stdin!.end(`${line}\n`);
  return { code: await exitOf(child), stdout };
}
