import { PassThrough } from 'node:stream';
import { slashCommandsFrom, slashCommandsJson } from '../../adapters/discord/slash-commands';
import { ShellAdapter } from '../../adapters/shell/shell-adapter';
import { type Command, defineCommand } from '../../src/commands/command';
import { COMMANDS } from '../../src/commands/command-registry';
import { infoReply } from '../../src/conversation/reply';
import { silentLogger } from '../../src/logging/logger';
import { type CallbackBody, type Harness, registerCommands, startHarness } from '../adapters/discord/discord-harness';
import { type SlackHarness, startSlackHarness } from '../adapters/slack/support/slack-harness';
import { createTestCore, type TestCore } from '../support/test-core';

/**
 * Adding a command is one spec and its handler: a command this test makes up appears on the shell, on Discord
 * (as an application command with typed options) and on Slack (`/aftercare`), and its handler gets typed values.
 */
const seenByHandler: Array<{ times: number; words: string; loud: boolean | undefined }> = [];

const repeatCommand = defineCommand({
  name: 'repeat',
  summary: 'say some words again',
  args: [
    { name: 'times', description: 'How many times', type: 'integer', required: true },
    { name: 'words', description: 'What to say', type: 'text', required: true },
    { name: 'loud', description: 'In capitals', type: 'boolean', required: false },
  ],
  run: ({ args }) => {
    const times: number = args.times;
    const loud: boolean | undefined = args.loud;
    // @ts-expect-error: only the spec's arguments exist on `args`.
    void args.volume;
    seenByHandler.push({ times, words: args.words, loud });
    const said = Array.from({ length: times }, () => (loud ? args.words.toUpperCase() : args.words)).join(' / ');
    return infoReply(`Repeated: ${said}`);
  },
});

const WITH_REPEAT: readonly Command[] = [...COMMANDS, repeatCommand];

beforeEach(() => {
  seenByHandler.length = 0;
});

describe('a new command on the shell', () => {
  let t: TestCore;
  beforeEach(async () => {
    t = await createTestCore({ commands: WITH_REPEAT });
  });
  afterEach(() => t.cleanup());

  it('is listed by help, runs with typed arguments, and bad input gets the usage', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let text = '';
    output.on('data', (d: Buffer) => {
      text += d.toString();
    });
    const shell = new ShellAdapter({ core: t.core, input, output, logger: silentLogger(), interactive: false });
    await shell.start();
    input.end(['help', 'repeat 2 hello', 'repeat often hello'].map((l) => `${l}\n`).join(''));
    await shell.finished;

    expect(text).toContain('• repeat <times> <words> [loud] — say some words again');
    expect(text).toContain('Repeated: hello / hello');
    expect(text).toContain('"often" is not a whole number (times). Usage: repeat <times> <words> [loud]');
    expect(seenByHandler).toEqual([{ times: 2, words: 'hello', loud: undefined }]);
  });
});

describe('a new command on Discord', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness({ commands: WITH_REPEAT });
    registerCommands(h.emu, WITH_REPEAT);
  });
  afterEach(() => h.stop());

  it('is an application command with typed options, and the options reach the handler typed', async () => {
    const repeat = slashCommandsJson(slashCommandsFrom(WITH_REPEAT)).find((c) => c.name === 'repeat');
    expect(repeat?.options?.map((o) => [o.name, o.type, o.required])).toEqual([
      ['times', 4, true],
      ['words', 3, true],
      ['loud', 5, false],
    ]);

    const alice = h.emu.createMember({ username: 'alice' });
    const callback = await h.emu.waitForInteractionCallback(h.emu.slash(alice, 'repeat', { times: 3, words: 'hi', loud: true }));
    expect((callback.body as CallbackBody).data?.content).toBe('Repeated: HI / HI / HI');
    expect(seenByHandler).toEqual([{ times: 3, words: 'hi', loud: true }]);
  });
});

describe('a new command on Slack', () => {
  let h: SlackHarness;
  beforeEach(async () => {
    h = await startSlackHarness({ mode: 'http', commands: WITH_REPEAT });
  });
  afterEach(() => h.stop());

  it('is listed by /aftercare help and runs from /aftercare with typed arguments', async () => {
    const help = await h.driver.slash({ text: '' });
    // mrkdwn escapes < and >, which Slack shows as typed.
    expect(String((await h.emu.waitForResponse(help.responseId)).params.text)).toContain(
      '• /aftercare repeat &lt;times&gt; &lt;words&gt; [loud] — say some words again',
    );

    const run = await h.driver.slash({ text: 'repeat 2 hi yes' });
    expect(String((await h.emu.waitForResponse(run.responseId)).params.text)).toContain('Repeated: HI / HI');
    expect(seenByHandler).toEqual([{ times: 2, words: 'hi', loud: true }]);
  });
});
