import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './run-process';

const NO_PLATFORMS = { DISCORD_TOKEN: '', SLACK_BOT_TOKEN: '', SLACK_SIGNING_SECRET: '', SLACK_APP_TOKEN: '', TERMINAL_CHAT: '' };

export interface RunningBot {
  child: ChildProcess;
  /** Everything written to stderr so far. */
  stderr(): string;
  /** Resolves with the exit code (or the signal's name) when the process ends. */
  exited: Promise<number | string | null>;
  /** Resolves when stderr has shown text matching `pattern`. */
  waitForStderr(pattern: RegExp): Promise<void>;
}

/**
 * The bot as production runs it: plain node with tsx's loader (no npm or tsx wrapper in between), so a signal
 * sent to the child reaches the bot itself. Stdin stays open: the terminal chat does not end the bot.
 */
export function spawnBot(env: Record<string, string>): RunningBot {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src', 'main.ts')], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'info', ...NO_PLATFORMS, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  const watchers: Array<{ pattern: RegExp; resolve: () => void }> = [];
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
    for (const w of watchers.filter((w) => w.pattern.test(stderr))) w.resolve();
  });
  child.stdout?.resume();
  const exited = new Promise<number | string | null>((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal)));
  return {
    child,
    stderr: () => stderr,
    exited,
    waitForStderr: (pattern) =>
      pattern.test(stderr)
        ? Promise.resolve()
        : Promise.race([
            new Promise<void>((resolve) => watchers.push({ pattern, resolve })),
            exited.then((code) => Promise.reject(new Error(`bot exited (${code}) before ${pattern}: ${stderr}`))),
          ]),
  };
}
