import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { ROOT } from '../../support/run-process';

const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');
const CHILD = path.join(__dirname, '..', 'fixtures', 'scheduler-child.ts');

/** Starts a scheduler process (fixtures/scheduler-child.ts) on a SQLite file or a postgres:// URL; `lines` fills as it prints, `exited` resolves with its exit signal/code. */
export function startChild(
  mode: 'crash' | 'drain',
  db: string,
  now: Date,
  onLine: (line: string, child: ChildProcess) => void,
  env: Record<string, string> = {},
) {
  const child = spawn(TSX, [CHILD, mode, db, now.toISOString()], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  const lines: string[] = [];
  let buffer = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => {
    buffer += d.toString();
    const parts = buffer.split('\n');
    buffer = parts.pop()!;
    for (const line of parts) {
      lines.push(line);
      onLine(line, child);
    }
  });
  child.stderr!.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stderr })),
  );
  return { child, lines, exited };
}

