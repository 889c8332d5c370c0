import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DiscordEmulator } from '../emulators/discord';
import { exitOf, pipedAnswer, ROOT } from '../support/run-process';

/**
 * No Docker engine runs here, so the Dockerfile's steps are replayed in temporary folders: each stage's
 * WORKDIR is a folder, COPY copies from the repository or an earlier stage, RUN runs (the apt-get toolchain
 * is already on this machine), and the image is started with its ENV and CMD and probed with its HEALTHCHECK.
 * An unknown RUN step fails the test: teach the replay, so the recipe cannot rot unseen.
 */
interface Stage {
  name: string;
  dir: string;
}

interface Instruction {
  op: string;
  args: string;
}

function instructions(text: string): Instruction[] {
  return text
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'))
    .map((l) => {
      const [op, ...rest] = l.split(/\s+/);
      return { op: (op as string).toUpperCase(), args: rest.join(' ') };
    });
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}


describe('Dockerfile, replayed outside Docker', () => {
  let root: string;
  let image: Stage;
  const env: Record<string, string> = {};
  let cmd: string[] = [];
  let healthcheck: string[] = [];
  const seen = new Set<string>();

  beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), 'aftercare-image-'));
    const data = path.join(root, 'data');
    const stages: Stage[] = [];
    let stage: Stage | undefined;
    for (const { op, args } of instructions(readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8'))) {
      seen.add(op);
      if (op === 'FROM') {
        expect(args).toMatch(/^node:20[-\w.]*slim\b/);
        const name = /\bAS\s+(\S+)/i.exec(args)?.[1] ?? `stage-${stages.length}`;
        stage = { name, dir: path.join(root, name) };
        mkdirSync(stage.dir);
        stages.push(stage);
        continue;
      }
      if (!stage) throw new Error(`${op} before FROM`);
      const here = stage.dir;
      switch (op) {
        case 'WORKDIR':
          expect(args).toBe('/app');
          break;
        case 'ENV': {
          const [key, value] = args.split('=') as [string, string];
          env[key] = value.replace(/^\/data\b/, data);
          break;
        }
        case 'COPY': {
          const parts = args.split(/\s+/);
          const fromStage = parts[0]?.startsWith('--from=') ? parts.shift()!.slice('--from='.length) : null;
          const from = fromStage ? stages.find((s) => s.name === fromStage)!.dir : ROOT;
          const dest = path.join(here, parts.pop() as string);
          for (const source of parts) {
            const target = dest.endsWith('/') || parts.length > 1 ? path.join(dest, path.basename(source)) : dest;
            cpSync(path.join(from, source.replace(/^\/app\/?/, '')), target, { recursive: true });
          }
          break;
        }
        case 'RUN':
          if (/^apt-get update && apt-get install -y --no-install-recommends python3 make g\+\+/.test(args)) break;
          if (args === 'npm ci') {
            // The full install is the developer's own: linked, not rebuilt (better-sqlite3 takes minutes to compile).
            symlinkSync(path.join(ROOT, 'node_modules'), path.join(here, 'node_modules'));
          } else if (args === 'npm ci --omit=dev') {
            // The real production install from the lock file; only better-sqlite3's compile is reused.
            execFileSync('npm', ['ci', '--omit=dev', '--prefer-offline', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: here, stdio: 'pipe' });
            cpSync(path.join(ROOT, 'node_modules/better-sqlite3/build'), path.join(here, 'node_modules/better-sqlite3/build'), { recursive: true });
          } else if (args === 'npm run build') {
            execFileSync('npm', ['run', '-s', 'build'], { cwd: here, stdio: 'pipe' });
          } else if (args === 'mkdir -p /data && chown node:node /data') {
            mkdirSync(data, { recursive: true });
          } else {
            throw new Error(`the replay does not know this RUN step yet: ${args}`);
          }
          break;
        case 'HEALTHCHECK':
          healthcheck = JSON.parse(/\bCMD\s+(\[.*\])$/.exec(args)![1]!);
          break;
        case 'CMD':
          cmd = JSON.parse(args);
          break;
        case 'USER':
        case 'VOLUME':
        case 'EXPOSE':
          break;
        default:
          throw new Error(`the replay does not know ${op}`);
      }
    }
    image = stages[stages.length - 1]!;
  }, 180_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const run = (extra: Record<string, string>) =>
    spawn(cmd[0]!, cmd.slice(1), {
      cwd: image.dir,
      // Only what the image sets, plus the operator's settings: nothing leaks in from this machine's npm or .env.
      env: { PATH: process.env.PATH ?? '', HOME: image.dir, ...env, LOG_LEVEL: 'warn', ...extra },
      stdio: ['pipe', 'pipe', 'pipe'],
    });

  it('has a non-root user, the /data volume, a healthcheck and a production start', () => {
    expect([...seen]).toEqual(expect.arrayContaining(['USER', 'VOLUME', 'HEALTHCHECK', 'CMD']));
    expect(cmd).toEqual(['node', 'dist/src/main.js']);
    expect(healthcheck.join(' ')).toContain('/readyz');
    expect(env.DATABASE_PATH).toBe(path.join(root, 'data', 'aftercare.db'));
  });

  it('the image holds runtime dependencies only, and no source or tests', () => {
    const modules = path.join(image.dir, 'node_modules');
    for (const runtime of ['discord.js', '@slack/bolt', 'better-sqlite3', 'prom-client', 'pino']) expect(existsSync(path.join(modules, runtime))).toBe(true);
    for (const dev of ['tsx', 'typescript', 'jest', 'ts-jest', '@biomejs/biome']) expect(existsSync(path.join(modules, dev))).toBe(false);
    expect(existsSync(path.join(image.dir, 'src'))).toBe(false);
    expect(existsSync(path.join(image.dir, 'test'))).toBe(false);
    expect(existsSync(path.join(image.dir, 'knowledge', 'faq.yaml'))).toBe(true);
  });

  it('answers a piped question with the terminal chat (no platform set)', async () => {
    const child = run({});
    const { code, stdout: out } = await pipedAnswer(child, 'does it hurt?');
    expect(code).toBe(0);
    expect(out).toMatch(/numb/i);
    expect(out).toMatch(/Sources:/);
  });

  it('with Discord configured: the HEALTHCHECK passes once connected, and SIGTERM exits 0', async () => {
    const emu = await DiscordEmulator.start();
    const port = await freePort();
    const child = run({ DISCORD_TOKEN: emu.token, DISCORD_API_URL: emu.apiUrl, PORT: String(port) });
    let err = '';
    child.stderr!.on('data', (d: Buffer) => {
      err += d.toString();
    });
    const exited = exitOf(child);
    try {
      await emu.waitForIdentify();
      // Ready once the gateway session is up: poll the healthcheck as Docker does, without a fixed sleep.
      const probe = () => spawn(healthcheck[0]!, healthcheck.slice(1), { env: { PATH: process.env.PATH ?? '', ...env, PORT: String(port) } });
      let code: number | null = 1;
      for (let attempt = 0; attempt < 50 && code !== 0; attempt++) code = await exitOf(probe());
      expect(code).toBe(0);
      const ready = await (await fetch(`http://127.0.0.1:${port}/readyz`)).json();
      expect(ready).toMatchObject({ status: 'ready', platforms: { discord: 'connected' }, store: 'writable' });
      expect(existsSync(env.DATABASE_PATH!)).toBe(true);

      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(err).not.toContain(emu.token);
    } finally {
      child.kill('SIGKILL');
      await emu.stop();
    }
  });
});
