import { SLASH_COMMANDS, slashCommandsJson } from '../../adapters/discord/slash-commands';
import { SLASH_PREFIX, slashToCoreText } from '../../adapters/slack/slash-commands';
import type { ArgValues, Command, CommandArg } from '../../src/commands/command';
import { COMMAND_GROUPS } from '../../src/commands/command-groups';
import { COMMANDS } from '../../src/commands/command-registry';
import type { IncomingMessage, Platform } from '../../src/conversation/incoming-message';
import { createTestCore, type TestCore } from '../support/test-core';

const MENU = COMMANDS.filter((c) => c.offered === 'menu');
const SAMPLE: Record<CommandArg['type'], string | number | boolean> = { text: 'pain-and-numbing', integer: 3, boolean: true };
const sampleValues = (command: Command): ArgValues => Object.fromEntries(command.args.map((a) => [a.name, SAMPLE[a.type]]));
/** The command as a person types it, required arguments filled in ("faq pin pain-and-numbing"). */
const typedWords = (command: Command) => [command.name, ...command.args.filter((a) => a.required).map((a) => String(SAMPLE[a.type]))].join(' ');

/**
 * Generated from the specs: for every menu command, each surface offers it as the spec says, and what a person
 * sends there reaches that command's handler in the real core (the route the core took is recorded).
 */
describe('one command spec, three surfaces', () => {
  const json = slashCommandsJson();
  let t: TestCore;
  let routes: Map<string, string | null>;
  beforeAll(async () => {
    t = await createTestCore();
    routes = new Map();
    t.core.use(async (turn, next) => {
      try {
        await next();
      } finally {
        routes.set(turn.message.user.id, turn.route);
      }
    });
  });
  afterAll(() => t.cleanup());

  /** Sends one message through the core as `platform` would and says which command answered it. */
  const routeOf = async (platform: Platform, command: Command, message: Pick<IncomingMessage, 'text'> & Partial<IncomingMessage>) => {
    const user = `${platform}:${command.name}`; // one person per check: the rate limit never interferes
    await t.core.handle({
      platform,
      user: { id: user },
      channel: { id: 'C1', isDirect: false },
      isModerator: command.preconditions.includes('moderator'),
      ...message,
    });
    return routes.get(user);
  };

  describe.each(MENU.map((c) => [c.name, c] as const))('%s', (_name, command) => {
    const [group, sub] = command.name.split(' ') as [string, string | undefined];

    it('shell: its words, as typed, reach it', async () => {
      expect(await routeOf('shell', command, { text: typedWords(command) })).toBe(command.name);
    });

    it('Discord: an application command (or subcommand) with the same typed options, whose invocation reaches it', async () => {
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
      if (command.preconditions.includes('moderator')) expect(top?.default_member_permissions).toBe('8192');
      // What the Discord adapter hands the core for a slash command: the spec's name and the typed options.
      const invoked = { text: command.name, command: { name: command.name, options: sampleValues(command) } };
      expect(await routeOf('discord', command, invoked as Pick<IncomingMessage, 'text'>)).toBe(command.name);
    });

    it('Slack: a line in /aftercare help (for moderators only when it is theirs), and /aftercare <words> reaches it', async () => {
      const help = async (isModerator: boolean) =>
        (
          await t.core.handle({
            platform: 'slack',
            user: { id: `help:${command.name}:${isModerator}` },
            channel: { id: 'C1', isDirect: false },
            text: slashToCoreText(''),
            commandPrefix: SLASH_PREFIX,
            isModerator,
          })
        ).text;
      const line = `• ${SLASH_PREFIX}${command.usage} — ${command.summary}`;
      expect(await help(true)).toContain(line);
      if (command.preconditions.includes('moderator')) expect(await help(false)).not.toContain(line);
      else expect(await help(false)).toContain(line);
      expect(await routeOf('slack', command, { text: slashToCoreText(typedWords(command)), commandPrefix: SLASH_PREFIX })).toBe(command.name);
    });
  });

  it('Discord offers exactly the menu commands, and every group is described', () => {
    const leaves = SLASH_COMMANDS.flatMap((c) => (c.subcommands ? c.subcommands.map((s) => s.commandName) : [c.commandName]));
    expect(leaves.sort()).toEqual(MENU.map((c) => c.name).sort());
    for (const c of MENU.filter((m) => m.name.includes(' '))) expect(COMMAND_GROUPS[c.name.split(' ')[0]!]).toBeDefined();
  });
});
