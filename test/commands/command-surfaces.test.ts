import { SLASH_COMMANDS, slashCommandsJson, slashToCommand } from '../../adapters/discord/slash-commands';
import { SLASH_PREFIX } from '../../adapters/slack/slash-commands';
import type { Command, CommandArg } from '../../src/commands/command';
import { COMMAND_GROUPS } from '../../src/commands/command-groups';
import { COMMANDS } from '../../src/commands/command-registry';
import type { IncomingMessage } from '../../src/conversation/incoming-message';
import { createTestCore, type TestCore } from '../support/test-core';

const MENU = COMMANDS.filter((c) => c.offered === 'menu');
const SAMPLE: Record<CommandArg['type'], string | number | boolean> = { text: 'pain-and-numbing', integer: 3, boolean: true };
const sampleValues = (command: Command) => Object.fromEntries(command.args.map((a) => [a.name, SAMPLE[a.type]]));

/** Which spec the core's text parser gives these words to (the first whose words match, as the router tries them). */
const parsedBy = (text: string) => COMMANDS.find((c) => c.match(text) !== null)?.name;

describe('one command spec, three surfaces', () => {
  const json = slashCommandsJson();

  describe.each(MENU.map((c) => [c.name, c] as const))('%s', (_name, command) => {
    const [group, sub] = command.name.split(' ') as [string, string | undefined];

    it('core: its usage words are parsed by this command', () => {
      const words = [command.name, ...command.args.filter((a) => a.required).map((a) => String(SAMPLE[a.type]))].join(' ');
      expect(parsedBy(words)).toBe(command.name);
    });

    it('Discord: an application command (or subcommand) with the same typed options and the same words back', () => {
      const top = json.find((c) => c.name === group);
      expect(top).toBeDefined();
      const leaf = sub === undefined ? top : (top?.options ?? []).find((o) => o.name === sub);
      expect(leaf?.description).toBe(command.description);
      const options = ((leaf && 'options' in leaf ? leaf.options : []) ?? []) as Array<{ name: string; type: number; required?: boolean; autocomplete?: boolean }>;
      expect(options.map((o) => o.name).sort()).toEqual(command.args.map((a) => a.name).sort());
      for (const arg of command.args) {
        const option = options.find((o) => o.name === arg.name);
        expect({ type: option?.type, required: option?.required, autocomplete: option?.autocomplete ?? false }).toEqual({
          type: { text: 3, integer: 4, boolean: 5 }[arg.type],
          required: arg.required,
          autocomplete: arg.suggestions !== undefined,
        });
      }
      const invoked = slashToCommand({ name: group, subcommand: sub ?? null, values: sampleValues(command) });
      expect(invoked?.name).toBe(command.name);
      expect(parsedBy(invoked?.line ?? '')).toBe(command.name);
      if (command.preconditions.includes('moderator')) expect(top?.default_member_permissions).toBe('8192');
    });
  });

  it('Discord offers exactly the menu commands, and every group is described', () => {
    const leaves = SLASH_COMMANDS.flatMap((c) => (c.subcommands ? c.subcommands.map((s) => s.commandName) : [c.commandName]));
    expect(leaves.sort()).toEqual(MENU.map((c) => c.name).sort());
    for (const c of MENU.filter((m) => m.name.includes(' '))) expect(COMMAND_GROUPS[c.name.split(' ')[0]!]).toBeDefined();
  });

  describe('Slack: /aftercare help', () => {
    let t: TestCore;
    beforeAll(async () => {
      t = await createTestCore();
    });
    afterAll(() => t.cleanup());

    const help = async (isModerator: boolean) => {
      const message: IncomingMessage = {
        platform: 'slack',
        user: { id: 'U1' },
        channel: { id: 'C1', isDirect: false },
        text: 'help',
        commandPrefix: SLASH_PREFIX,
        isModerator,
      };
      return (await t.core.handle(message)).text;
    };

    it('lists every menu command as typed after /aftercare, moderator commands for moderators only', async () => {
      const forModerators = await help(true);
      const forMembers = await help(false);
      for (const command of MENU) {
        const line = `• ${SLASH_PREFIX}${command.usage} — ${command.summary}`;
        expect(forModerators).toContain(line);
        if (command.preconditions.includes('moderator')) expect(forMembers).not.toContain(line);
        else expect(forMembers).toContain(line);
        // What the help shows is what the core parses.
        expect(parsedBy(command.usage.replace(/\s*\[.*$/, '').replace('<topic>', 'x').replace('<question>', 'does it hurt'))).toBe(command.name);
      }
    });
  });
});
