import { REST } from 'discord.js';
import { main } from '../../../adapters/discord/register-commands';
import { registerSlashCommands } from '../../../adapters/discord/register-slash-commands';
import { SLASH_COMMANDS, slashCommandsJson, slashToCommandLine } from '../../../adapters/discord/slash-commands';
import { DiscordEmulator } from '../../emulators/discord';

describe('slash command registration', () => {
  let emu: DiscordEmulator;
  beforeEach(async () => {
    emu = await DiscordEmulator.start();
  });
  afterEach(async () => {
    await emu.stop();
  });

  test('registers /ask, /topics and /help globally with one bulk overwrite', async () => {
    const rest = new REST({ api: emu.apiUrl }).setToken(emu.token);
    const result = await registerSlashCommands({ rest });
    expect(result).toEqual({ scope: 'global', applicationId: emu.state.applicationId, names: ['ask', 'topics', 'help'] });
    expect(emu.requestsTo('PUT', `/applications/${emu.state.applicationId}/commands`)).toHaveLength(1);
    const ask = emu.commands.global.find((c) => c.name === 'ask');
    expect(ask?.options).toEqual([expect.objectContaining({ name: 'question', type: 3, required: true })]);
    // Registering again keeps the command ids (an overwrite, not a duplicate).
    const ids = emu.commands.global.map((c) => c.id);
    await registerSlashCommands({ rest });
    expect(emu.commands.global.map((c) => c.id)).toEqual(ids);
  });

  test('npm run register-commands: loadConfig, then the guild when DISCORD_GUILD_ID is set', async () => {
    const code = await main({
      DISCORD_TOKEN: emu.token,
      DISCORD_API_URL: emu.apiUrl,
      DISCORD_GUILD_ID: emu.state.guildId,
      LOG_LEVEL: 'silent',
    });
    expect(code).toBe(0);
    expect(emu.commands.global).toHaveLength(0);
    expect(emu.commands.byGuild.get(emu.state.guildId)?.map((c) => c.name)).toEqual(['ask', 'topics', 'help']);
    expect(emu.requestsTo('PUT', `/applications/${emu.state.applicationId}/guilds/${emu.state.guildId}/commands`)).toHaveLength(1);
  });

  test('npm run register-commands fails cleanly without a token or with a bad setting', async () => {
    expect(await main({ LOG_LEVEL: 'silent' })).toBe(1);
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(await main({ DISCORD_TOKEN: 'x', DISCORD_GUILD_ID: 'not-a-number', LOG_LEVEL: 'silent' })).toBe(1);
      expect(String(stderr.mock.calls[0]?.[0])).toMatch(/DISCORD_GUILD_ID/);
    } finally {
      stderr.mockRestore();
    }
    expect(await main({ DISCORD_TOKEN: 'wrong-token', DISCORD_API_URL: emu.apiUrl, LOG_LEVEL: 'silent' })).toBe(1);
  });
});

describe('slash command table', () => {
  test('each command maps to the core command line', () => {
    expect(slashToCommandLine({ name: 'ask', subcommand: null, values: { question: '  does it hurt? ' } })).toBe('ask does it hurt?');
    expect(slashToCommandLine({ name: 'topics', subcommand: null, values: {} })).toBe('topics');
    expect(slashToCommandLine({ name: 'help', subcommand: null, values: {} })).toBe('help');
    expect(slashToCommandLine({ name: 'nope', subcommand: null, values: {} })).toBeNull();
  });

  test('subcommands (for later /faq, /checkins rows) map and register as options of type 1', () => {
    const table = [
      ...SLASH_COMMANDS,
      {
        name: 'faq',
        description: 'Manage pinned FAQ answers',
        defaultMemberPermissions: 1n << 13n,
        subcommands: [
          {
            name: 'pin',
            description: 'Pin an answer',
            options: [{ name: 'id', description: 'FAQ id', kind: 'string' as const, required: true }],
            toCommandLine: (v: Readonly<Record<string, unknown>>) => `faq pin ${String(v['id'])}`,
          },
        ],
      },
    ];
    expect(slashToCommandLine({ name: 'faq', subcommand: 'pin', values: { id: 'sunscreen-two-weeks' } }, table)).toBe('faq pin sunscreen-two-weeks');
    const faq = slashCommandsJson(table).find((c) => c.name === 'faq');
    expect(faq).toMatchObject({ default_member_permissions: '8192', options: [{ type: 1, name: 'pin', options: [{ type: 3, name: 'id', required: true }] }] });
  });
});
