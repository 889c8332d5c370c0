import { PassThrough } from 'node:stream';
import { ShellAdapter } from '../../../adapters/shell/shell-adapter';
import { silentLogger } from '../../../src/logging/logger';
import { useWrapper } from '../../support/core-wrapper';
import { createTestCore, type TestCore } from '../../support/test-core';

async function converse(core: TestCore['core'], lines: string[], localCommand?: (line: string) => string | null) {
  const input = new PassThrough();
  const output = new PassThrough();
  let text = '';
  output.on('data', (d: Buffer) => {
    text += d.toString();
  });
  const shell = new ShellAdapter({ core, input, output, logger: silentLogger(), interactive: false, localCommand });
  await shell.start();
  input.end(lines.map((l) => `${l}\n`).join(''));
  await shell.finished;
  return text;
}

describe('shell adapter', () => {
  let t: TestCore;
  beforeEach(async () => {
    t = await createTestCore();
  });
  afterEach(() => t.cleanup());

  it('answers each piped line in order with sources and the disclaimer', async () => {
    const out = await converse(t.core, ['does it hurt?', 'how long will I stay red']);
    const numbing = out.search(/numb/i);
    const redness = out.search(/24 hours/);
    expect(numbing).toBeGreaterThanOrEqual(0);
    expect(redness).toBeGreaterThan(numbing);
    expect(out).toMatch(/Sources: /);
    expect(out).toContain(t.knowledge.knowledge.disclaimer);
  });

  it('greets briefly, shows help and lists topics', async () => {
    const out = await converse(t.core, ['hi!', 'help', 'topics']);
    expect(out).toContain(t.knowledge.knowledge.smallTalk.find((k) => k.id === 'greeting')?.reply);
    expect(out).toMatch(/Commands:/);
    for (const entry of t.knowledge.knowledge.entries) expect(out).toContain(entry.question);
  });

  it('declines what the guide does not cover and escalates warning signs', async () => {
    const out = await converse(t.core, ['how much should I tip my esthetician', 'there is pus and I have a fever']);
    expect(out).toContain(t.knowledge.knowledge.fallback);
    expect(out).toContain(t.knowledge.knowledge.escalation);
  });

  it('treats a number as a click on the last reply’s numbered choice', async () => {
    const out = await converse(t.core, ['hi', '1']);
    // "hi" shows no choices and no check-in waits, so "1" is a stray number: small talk, not a question.
    expect(out).toContain(t.knowledge.knowledge.smallTalk.find((k) => k.id === 'stray-number')?.reply);
    expect(out).not.toContain(t.knowledge.knowledge.fallback);
  });

  it('stops reading at "exit" and survives a failing core', async () => {
    useWrapper(t.core, () => ({
      handle: async () => {
        throw new Error('boom');
      },
    }));
    const out = await converse(t.core, ['does it hurt', 'exit', 'never read']);
    expect(out).toMatch(/something went wrong/);
    expect(out.match(/something went wrong/g)).toHaveLength(1);
  });

  it('runs shell-only local commands before the core', async () => {
    const out = await converse(t.core, ['/advance 1d'], (line) => (line.startsWith('/advance') ? 'moved on a day' : null));
    expect(out).toBe('moved on a day\n');
  });
});
