import { REST } from 'discord.js';
import { main } from '../../../adapters/discord/register-commands';
import { registerSlashCommands } from '../../../adapters/discord/register-slash-commands';
import { timeZoneChoices } from '../../../adapters/discord/autocomplete';
import { findSlashOption, slashCommandsJson, slashToCommandLine } from '../../../adapters/discord/slash-commands';
import { DiscordEmulator } from '../../emulators/discord';
import { CommandRegistry } from '../../emulators/discord/command-registry';

/** The emulator's command validation on its own, without a server. */
class DiscordEmulatorRegistryProbe extends CommandRegistry {
  constructor() {
    super('1234567890123456789');
  }
}

const ALL_NAMES = ['help', 'topics', 'ask', 'checkins', 'forget-me', 'faq'];

describe('slash command registration', () => {
  let emu: DiscordEmulator;
  beforeEach(async () => {
    emu = await DiscordEmulator.start();
  });
  afterEach(async () => {
    await emu.stop();
  });

  test('registers every command globally with one bulk overwrite', async () => {
    const rest = new REST({ api: emu.apiUrl }).setToken(emu.token);
    const result = await registerSlashCommands({ rest });
    expect(result).toEqual({ scope: 'global', applicationId: emu.state.applicationId, names: ALL_NAMES });
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
    expect(emu.commands.byGuild.get(emu.state.guildId)?.map((c) => c.name)).toEqual(ALL_NAMES);
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
});

describe('moderator and check-in commands', () => {
  const json = slashCommandsJson();
  const byName = (name: string) => json.find((c) => c.name === name);

  test('/faq is hidden from members without Manage Messages, server-only, with autocompleted topics', () => {
    expect(byName('faq')).toMatchObject({
      default_member_permissions: (1n << 13n).toString(),
      contexts: [0],
      options: [
        { type: 1, name: 'pin', options: [{ type: 3, name: 'topic', required: true, autocomplete: true, max_length: 100 }] },
        { type: 1, name: 'unpin', options: [{ type: 3, name: 'topic', required: true, autocomplete: true }] },
        { type: 1, name: 'list', options: [] },
        { type: 1, name: 'gaps', options: [] },
        { type: 1, name: 'stats', options: [] },
      ],
    });
  });

  test('/checkins and /forget-me are for everyone, in servers and in DMs', () => {
    expect(byName('checkins')).toMatchObject({
      default_member_permissions: null,
      contexts: [0, 1],
      options: [
        {
          type: 1,
          name: 'start',
          options: [
            { type: 3, name: 'date', required: false },
            { type: 3, name: 'hour', required: false },
            { type: 3, name: 'timezone', required: false, autocomplete: true },
          ],
        },
        { type: 1, name: 'status' },
        { type: 1, name: 'stop' },
      ],
    });
    expect(byName('forget-me')).toMatchObject({ default_member_permissions: null, contexts: [0, 1], options: [] });
  });

  test('every name and description fits Discord\'s limits (the emulator enforces them too)', () => {
    const texts = json.flatMap((c) => [c.description, ...(c.options ?? []).flatMap((o) => [o.description, ...('options' in o ? (o.options ?? []).map((x) => x.description) : [])])]);
    for (const text of texts) expect(text.length).toBeGreaterThanOrEqual(1);
    for (const text of texts) expect(text.length).toBeLessThanOrEqual(100);
    expect(() => new DiscordEmulatorRegistryProbe().overwrite(json)).not.toThrow();
  });

  test('each subcommand maps to the core\'s words', () => {
    const map = (name: string, subcommand: string | null, values: Record<string, string> = {}) => slashToCommandLine({ name, subcommand, values });
    expect(map('faq', 'pin', { topic: 'pain-and-numbing' })).toBe('faq pin pain-and-numbing');
    expect(map('faq', 'unpin', { topic: ' sunscreen-two-weeks ' })).toBe('faq unpin sunscreen-two-weeks');
    expect(map('faq', 'list')).toBe('faq list');
    expect(map('faq', 'gaps')).toBe('faq gaps');
    expect(map('faq', 'stats')).toBe('faq stats');
    expect(map('checkins', 'start', { date: '2026-11-20', hour: '9am', timezone: 'Europe/Berlin' })).toBe('checkins start 2026-11-20 9am Europe/Berlin');
    expect(map('checkins', 'start', { hour: '09:00' })).toBe('checkins start 09:00');
    expect(map('checkins', 'start')).toBe('checkins start');
    expect(map('checkins', 'start', { date: 'today\n\nforget   me' })).toBe('checkins start today forget me'); // stays arguments of start
    expect(map('checkins', 'status')).toBe('checkins status');
    expect(map('checkins', 'stop')).toBe('checkins stop');
    expect(map('checkins', 'nope')).toBeNull();
    expect(map('forget-me', null)).toBe('forget-me');
  });

  test('the autocompleted options are found by command, subcommand and option', () => {
    expect(findSlashOption({ name: 'faq', subcommand: 'pin' }, 'topic')?.autocomplete).toBe('faq-entries');
    expect(findSlashOption({ name: 'faq', subcommand: 'unpin' }, 'topic')?.autocomplete).toBe('faq-pinned');
    expect(findSlashOption({ name: 'checkins', subcommand: 'start' }, 'timezone')?.autocomplete).toBe('time-zones');
    expect(findSlashOption({ name: 'ask', subcommand: null }, 'question')?.autocomplete).toBeUndefined();
    expect(findSlashOption({ name: 'gone', subcommand: null }, 'x')).toBeUndefined();
  });

  test('time zone choices: the default and common zones first, then what matches what was typed', () => {
    const empty = timeZoneChoices('', 'America/Denver');
    expect(empty[0]).toEqual({ name: 'America/Denver', value: 'America/Denver' });
    expect(empty.length).toBeLessThanOrEqual(25);
    expect(timeZoneChoices('berlin', 'UTC')[0]?.value).toBe('Europe/Berlin');
    expect(timeZoneChoices('new york', 'UTC')[0]?.value).toBe('America/New_York');
    expect(timeZoneChoices('america/', 'UTC')).toHaveLength(25);
    expect(timeZoneChoices('utc', 'Europe/Berlin')[0]?.value).toBe('UTC');
    expect(timeZoneChoices('no such place', 'UTC')).toEqual([]);
  });
});
