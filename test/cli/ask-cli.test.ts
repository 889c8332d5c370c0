import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runTs } from '../support/run-process';

const CLI = 'src/cli/ask-cli.ts';

describe('ask CLI (spawned as a process)', () => {
  let dir: string;
  let env: Record<string, string>;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'aftercare-cli-'));
    env = { DATABASE_PATH: path.join(dir, 'unused.db') };
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the matcher trace with --explain', async () => {
    const { code, stdout } = await runTs(CLI, ['--explain', 'how long does peeling last'], { env });
    expect(code).toBe(0);
    expect(stdout).toContain('clause (asks): "how long does peeling last"');
    expect(stdout).toMatch(/^result: answer peeling-and-shedding/m);
  });

  it('prints exactly one JSON object for one question', async () => {
    const { code, stdout } = await runTs(CLI, ['--json', 'does it hurt?'], { env });
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    const answer = JSON.parse(lines[0] as string);
    expect(Object.keys(answer).sort()).toEqual(['confidence', 'faqId', 'kind', 'sent', 'sources', 'suggestions', 'text']);
    // `sent` is the reply as the terminal chat shows it: the text, then sources and the disclaimer.
    expect(answer.sent.startsWith(answer.text)).toBe(true);
    expect(answer.sent).toContain(`Sources: ${answer.sources.join(', ')}`);
    expect(answer.sent).toMatch(/not medical advice/);
    expect(answer.kind).toBe('answer');
    expect(answer.text).toMatch(/numb/i);
    expect(answer.sources.length).toBeGreaterThan(0);
    expect(answer.confidence).toBeGreaterThan(0);
    expect(answer.confidence).toBeLessThanOrEqual(1);
  });

  it('answers stdin line by line, in order, an empty line included, and nothing else on stdout', async () => {
    const input = 'how long will I stay red?\n\nwhat is a good movie tonight\nI have a fever and pus after microneedling\nthanks!\n';
    const { code, stdout } = await runTs(CLI, ['--json'], { input, env });
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.kind)).toEqual(['answer', 'fallback', 'fallback', 'escalation', 'small-talk']);
    expect(lines[4].text).toMatch(/welcome/);
    expect(lines[0].text).toMatch(/24 hours/);
    expect(lines[1].faqId).toBeNull();
  });

  it('prints usage for --help and refuses unknown options', async () => {
    const help = await runTs(CLI, ['--help'], { env });
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: npm run -s ask -- \[--json \| --explain\]/);
    const unknown = await runTs(CLI, ['--jsn', 'does it hurt?'], { env });
    expect(unknown.code).toBe(2);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toMatch(/unknown option --jsn/);
    const dashed = await runTs(CLI, ['--json', '--', '-does it hurt?'], { env });
    expect(JSON.parse(dashed.stdout).kind).toBe('answer');
  });

  it('says which knowledge file is broken and exits non-zero', async () => {
    const { code, stdout, stderr } = await runTs(CLI, ['--json', 'does it hurt'], {
      env: { ...env, KNOWLEDGE_DIR: path.join(dir, 'missing-pack') },
    });
    expect(code).not.toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/faq\.yaml/);
  });
});
