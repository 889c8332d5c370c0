import { once } from 'node:events';
import { Client, Events, GatewayIntentBits, type Message, Partials, REST, Routes } from 'discord.js';
import { WebSocket } from 'ws';
import { DiscordEmulator } from '../../emulators/discord';

/** The emulator must behave like Discord where the adapter depends on it; checked with a bare discord.js client. */
describe('Discord emulator fidelity', () => {
  let emu: DiscordEmulator;
  let client: Client | undefined;
  beforeEach(async () => {
    emu = await DiscordEmulator.start({ privilegedIntents: { messageContent: true } });
  });
  afterEach(async () => {
    await client?.destroy();
    client = undefined;
    await emu.stop();
  });

  async function connect(intents: GatewayIntentBits[]): Promise<Client> {
    client = new Client({ intents, partials: [Partials.Channel], rest: { api: emu.apiUrl } });
    const ready = once(client, Events.ClientReady);
    await client.login(emu.token);
    await ready;
    return client;
  }

  async function collect(c: Client, count: number, act: () => void): Promise<Message[]> {
    const received: Message[] = [];
    const done = new Promise<void>((resolve) => {
      c.on(Events.MessageCreate, (m) => {
        received.push(m);
        if (received.length === count) resolve();
      });
    });
    act();
    await done;
    return received;
  }

  const base = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages];

  test('without MessageContent, only mentions and DMs keep their content', async () => {
    const c = await connect(base);
    const alice = emu.createMember({ username: 'alice' });
    const got = await collect(c, 3, () => {
      emu.say(alice, 'not for the bot');
      emu.mentionBot(alice, 'for the bot');
      emu.dm(alice, 'a direct message');
    });
    expect(got.map((m) => m.content)).toEqual(['', `<@${emu.botUser.id}> for the bot`, 'a direct message']);
    expect(got[2]?.channel.isDMBased()).toBe(true);
  });

  test('with MessageContent every guild message keeps its content', async () => {
    const c = await connect([...base, GatewayIntentBits.MessageContent]);
    const alice = emu.createMember({ username: 'alice' });
    const [m] = await collect(c, 1, () => emu.say(alice, 'not for the bot'));
    expect(m?.content).toBe('not for the bot');
  });

  test('a privileged intent the portal has not enabled closes the gateway with 4014', async () => {
    const strict = await DiscordEmulator.start();
    const closed = once(strict.gateway, 'close');
    client = new Client({ intents: [...base, GatewayIntentBits.MessageContent], rest: { api: strict.apiUrl } });
    const login = client.login(strict.token).catch((e: Error) => e);
    const [event] = (await closed) as [{ code: number }];
    expect(event.code).toBe(4014);
    await client.destroy();
    await login;
    client = undefined;
    await strict.stop();
  });

  test("IDENTIFY's shard: READY echoes it and lists that shard's guilds; an impossible shard closes with 4010", async () => {
    const other = emu.createGuild('Clinic South', { onShard: [1 - emu.shardOf(emu.state.guildId, 2), 2] });
    const identify = async (shard: unknown): Promise<{ ready?: { shard: unknown; guilds: Array<{ id: string }> }; code?: number }> => {
      const socket = new WebSocket(`${emu.gatewayUrl}?v=10&encoding=json`);
      try {
        return await new Promise((resolve) => {
          socket.on('message', (raw) => {
            const payload = JSON.parse(raw.toString()) as { op: number; t?: string; d: unknown };
            if (payload.op === 10) socket.send(JSON.stringify({ op: 2, d: { token: emu.token, intents: 1, properties: {}, ...(shard ? { shard } : {}) } }));
            if (payload.t === 'READY') resolve({ ready: payload.d as { shard: unknown; guilds: Array<{ id: string }> } });
          });
          socket.on('close', (code) => resolve({ code }));
        });
      } finally {
        socket.terminate();
      }
    };
    const unsharded = await identify(undefined);
    expect(unsharded.ready?.shard).toEqual([0, 1]);
    expect(unsharded.ready?.guilds.map((g) => g.id).sort()).toEqual([emu.state.guildId, other.id].sort());
    const otherShard = emu.shardOf(other.id, 2);
    const sharded = await identify([otherShard, 2]);
    expect(sharded.ready?.shard).toEqual([otherShard, 2]);
    expect(sharded.ready?.guilds.map((g) => g.id)).toEqual([other.id]);
    expect((await identify([2, 2])).code).toBe(4010);
  });

  test('GET /gateway/bot recommends the configured shard count', async () => {
    const big = await DiscordEmulator.start({ recommendedShards: 4, maxConcurrency: 16 });
    try {
      const info = (await new REST({ api: big.apiUrl }).setToken(big.token).get(Routes.gatewayBot())) as { shards: number; session_start_limit: { max_concurrency: number } };
      expect(info).toMatchObject({ shards: 4, session_start_limit: { max_concurrency: 16 } });
    } finally {
      await big.stop();
    }
  });

  test('REST: 401 without the bot token, JSON errors, 50 pins then 30003', async () => {
    const bad = new REST({ api: emu.apiUrl, retries: 0 }).setToken('nope');
    await expect(bad.get(Routes.gatewayBot())).rejects.toMatchObject({ status: 401 });
    const rest = new REST({ api: emu.apiUrl }).setToken(emu.token);
    emu.state.fillPins(emu.channel.id, 50);
    const { id } = (await rest.post(Routes.channelMessages(emu.channel.id), { body: { content: 'one more' } })) as { id: string };
    await expect(rest.put(Routes.channelMessagesPin(emu.channel.id, id))).rejects.toMatchObject({ code: 30003, status: 400 });
    await expect(rest.put(Routes.channelPin(emu.channel.id, id))).rejects.toMatchObject({ code: 30003 });
    await expect(rest.post(Routes.channelMessages(emu.channel.id), { body: { content: 'x'.repeat(2001) } })).rejects.toMatchObject({ code: 50035 });
  });

  test('REST: a repeated nonce returns the first message only with enforce_nonce', async () => {
    const rest = new REST({ api: emu.apiUrl }).setToken(emu.token);
    const send = (enforce: boolean) =>
      rest.post(Routes.channelMessages(emu.channel.id), { body: { content: 'hi', nonce: 'n-1', enforce_nonce: enforce } }) as Promise<{ id: string }>;
    const a = await send(true);
    const b = await send(true);
    const c = await send(false);
    expect(b.id).toBe(a.id);
    expect(c.id).not.toBe(a.id);
  });

  test('interactions must be acknowledged within the deadline, and only once', async () => {
    const rest = new REST({ api: emu.apiUrl }).setToken(emu.token);
    const alice = emu.createMember({ username: 'alice' });
    const first = emu.slash(alice, 'help');
    await rest.post(Routes.interactionCallback(first.id, first.token), { body: { type: 4, data: { content: 'ok' } }, auth: false });
    await expect(
      rest.post(Routes.interactionCallback(first.id, first.token), { body: { type: 4, data: { content: 'again' } }, auth: false }),
    ).rejects.toMatchObject({ code: 40060 });
    emu.interactions.acknowledgeDeadlineMs = -1;
    const late = emu.slash(alice, 'help');
    await expect(
      rest.post(Routes.interactionCallback(late.id, late.token), { body: { type: 4, data: { content: 'late' } }, auth: false }),
    ).rejects.toMatchObject({ code: 10062 });
  });

  test('a dropped socket is resumed with the missed events replayed', async () => {
    const c = await connect(base);
    const alice = emu.createMember({ username: 'alice' });
    const resumed = emu.waitForResume();
    emu.dropGateway();
    const [m] = await collect(c, 1, () => emu.dm(alice, 'sent while down'));
    await resumed;
    expect(m?.content).toBe('sent while down');
  });
  test('autocomplete: subcommand options arrive focused in discord.js; choices follow Discord\'s limits', async () => {
    emu.commands.overwrite([
      {
        name: 'faq',
        description: 'FAQ',
        options: [{ type: 1, name: 'pin', description: 'Pin', options: [{ type: 3, name: 'topic', description: 'Topic', required: true, autocomplete: true }] }],
      },
    ]);
    const c = await connect(base);
    const seen = new Promise<{ sub: string | null; focused: { name: string; value: string } }>((resolve) => {
      c.on(Events.InteractionCreate, (i) => {
        if (!i.isAutocomplete()) return;
        const focused = i.options.getFocused(true);
        resolve({ sub: i.options.getSubcommand(false), focused: { name: focused.name, value: String(focused.value) } });
        void i.respond([{ name: 'x'.repeat(101), value: 'too-long-name' }]).catch(() => undefined);
      });
    });
    const alice = emu.createMember({ username: 'alice' });
    const interaction = emu.autocomplete(alice, 'faq', 'topic', { topic: 'sun' }, { subcommand: 'pin' });
    expect(await seen).toEqual({ sub: 'pin', focused: { name: 'topic', value: 'sun' } });
    const callback = await emu.waitForInteractionCallback(interaction);
    expect(callback.status).toBe(400);
    expect((callback.response as { code: number }).code).toBe(50035);
    // Only an option registered with autocomplete can be typed into this way.
    expect(() => emu.autocomplete(alice, 'faq', 'other', { other: 'x' }, { subcommand: 'pin' })).toThrow(/no autocompleted option "other"/);
  });

  test('command registration refuses autocomplete together with choices, or on a boolean', () => {
    const option = (extra: Record<string, unknown>) => [
      { name: 'c', description: 'C', options: [{ type: 3, name: 'o', description: 'O', autocomplete: true, ...extra }] },
    ];
    expect(() => emu.commands.overwrite(option({ choices: [{ name: 'a', value: 'a' }] }))).toThrow(/50035/);
    expect(() => emu.commands.overwrite(option({ type: 5 }))).toThrow(/50035/);
    expect(() => emu.commands.overwrite(option({}))).not.toThrow();
  });
});
