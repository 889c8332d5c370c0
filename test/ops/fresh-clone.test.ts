import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { exitOf, pipedAnswer, ROOT } from '../support/run-process';

/** What `git clone` of this tree would hold: tracked files plus new ones not ignored (no .env, data/, dist/, node_modules/). */
function cloneFiles(): string[] {
  const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' });
  return [...new Set(listed.split('\0').filter((f) => f !== ''))].filter((f) => existsSync(path.join(ROOT, f)));
}


const GRACE_SECONDS = 10;

/**
 * Issue 12's first "done when", as an operator does it: a fresh clone, `npm ci`, `npm run build`, then the compiled
 * bot under plain node. The dependencies are the developer's own install, linked (the lock-file install without
 * dev dependencies is exercised by the Dockerfile replay); everything else comes from the clone alone.
 */
describe('a fresh clone, built and started with node dist/src/main.js', () => {
  let clone: string;
  // Only what the operator sets: nothing from this machine's .env or npm settings leaks in.
  const env = () => ({ PATH: process.env.PATH ?? '', HOME: clone, LOG_LEVEL: 'warn', SHUTDOWN_GRACE_SECONDS: String(GRACE_SECONDS) });
  const start = () => spawn(process.execPath, ['dist/src/main.js'], { cwd: clone, env: env(), stdio: ['pipe', 'pipe', 'pipe'] });

  beforeAll(() => {
    clone = mkdtempSync(path.join(tmpdir(), 'aftercare-clone-'));
    for (const file of cloneFiles()) {
      mkdirSync(path.dirname(path.join(clone, file)), { recursive: true });
      cpSync(path.join(ROOT, file), path.join(clone, file));
    }
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(clone, 'node_modules'));
    execFileSync('npm', ['run', '-s', 'build'], { cwd: clone, env: { ...env(), npm_config_update_notifier: 'false' }, stdio: 'pipe' });
  }, 180_000);
  afterAll(() => rmSync(clone, { recursive: true, force: true }));

  it('answers a piped question and exits 0 at the end of input', async () => {
    const child = start();
    const { code, stdout: out } = await pipedAnswer(child, 'does it hurt?');
    expect(code).toBe(0);
    expect(out).toMatch(/numb/i);
    expect(out).toMatch(/Sources:/);
    // The database went where DATABASE_PATH's default says, inside the clone.
    expect(existsSync(path.join(clone, 'data', 'aftercare.db'))).toBe(true);
  });

  it('kill -TERM while it waits for input: exit 0 within the grace period', async () => {
    const child = start();
    const exited = exitOf(child);
    try {
      let out = '';
      const answered = new Promise<void>((resolve) =>
        child.stdout!.on('data', (d: Buffer) => {
          out += d.toString();
          if (/Sources:/.test(out)) resolve();
        }),
      );
      // Up and answering (stdin stays open, so only the signal can end it).
      child.stdin!.write('does it hurt?\n');
      await answered;
      const signalled = Date.now();
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(Date.now() - signalled).toBeLessThan(GRACE_SECONDS * 1000);
    } finally {
      child.kill('SIGKILL');
    }
  });
});
