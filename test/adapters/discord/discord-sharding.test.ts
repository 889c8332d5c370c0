import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createDiscordAdapter, type DiscordAdapter } from '../../../adapters/discord/discord-adapter';
import { STOP_ACTION } from '../../../src/checkins/checkin-message';
import { CheckinScheduler } from '../../../src/checkins/checkin-scheduler';
import { loadConfig } from '../../../src/config/load-config';
import type { IncomingMessage } from '../../../src/conversation/incoming-message';
import { createLogger, silentLogger } from '../../../src/logging/logger';
import { type ApiMessage, type ApiUser, DiscordEmulator, type GuildHandle } from '../../emulators/discord';
import { recordMessages } from '../../support/core-wrapper';
import { type RunningBot, spawnBot } from '../../support/spawn-bot';
import { createTestCore, type TestCore } from '../../support/test-core';
import { type CallbackBody, type Harness, LogCapture, registerCommands, startHarness } from './discord-harness';

/** 09:01 in Berlin the day after the harness clock's start: the first check-in of a treatment "today" is due. */
const DAY_1 = new Date('2026-11-27T08:01:00Z');

/** The shards whose gateway sessions were sent this event (found by the id in its data). */
function shardsSent(emu: DiscordEmulator, event: string, id: string): number[] {
  return [...emu.gateway.sessions.values()]
    .filter((s) => s.sent.some((p) => p.t === event && (p.d as { id?: string }).id === id))
    .map((s) => s.shard[0]);
}

function repliesTo(emu: DiscordEmulator, question: ApiMessage): number {
  return emu
    .requestsTo('POST', `/channels/${question.channel_id}/messages`)
    .filter((r) => r.status === 200 && (r.body as { message_reference?: { message_id?: string } }).message_reference?.message_id === question.id).length;
}

/**
 * Mentions in each channel, each awaited to its reply, then a second round: a duplicate of a first-round event
 * (delivered to two shards) would be answered before the second round's replies, so counting after it is final.
 */
async function askEverywhere(emu: DiscordEmulator, asks: Array<{ user: ApiUser; channelId: string }>): Promise<ApiMessage[]> {
  const first = asks.map((a) => emu.mentionBot(a.user, 'does microneedling hurt?', a.channelId));
  await Promise.all(first.map((q) => emu.waitForReplyTo(q)));
  const second = asks.map((a) => emu.mentionBot(a.user, 'how long does redness last?', a.channelId));
  await Promise.all(second.map((q) => emu.waitForReplyTo(q)));
  return first;
}

function buttonsOf(message: ApiMessage): string[] {
  return message.components.flatMap((row) => row.components ?? []).map((b) => b.custom_id ?? '');
}

describe('Discord sharding: one process holding two shards', () => {
  let h: Harness;
  let onShard0: GuildHandle;
  let onShard1: GuildHandle;
  let ann: ApiUser;
  let bea: ApiUser;

  beforeEach(async () => {
    h = await startHarness({
      env: { DISCORD_SHARD_COUNT: '2' },
      // Both shards may IDENTIFY at once (else discord.js spaces them 5 s apart, as Discord asks of small bots).
      emulator: { maxConcurrency: 2 },
      setup: (emu) => {
        onShard0 = emu.createGuild('Clinic North', { onShard: [0, 2] });
        onShard1 = emu.createGuild('Clinic South', { onShard: [1, 2] });
        ann = emu.createMember({ username: 'ann', guildId: onShard0.id });
        bea = emu.createMember({ username: 'bea', guildId: onShard1.id });
      },
    });
  });
  afterEach(async () => {
    await h.stop();
  });

  it('identifies as [0, 2] and [1, 2], each shard is told only its own guilds, and the log names the shards', async () => {
    expect(h.emu.gateway.identifies.map((i) => i.shard).sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    for (const session of h.emu.gateway.sessions.values()) {
      const announced = session.sent.filter((p) => p.t === 'GUILD_CREATE').map((p) => (p.d as { id: string }).id);
      expect(announced).toContain(session.shard[0] === 0 ? onShard0.id : onShard1.id);
      expect(announced).not.toContain(session.shard[0] === 0 ? onShard1.id : onShard0.id);
      for (const id of announced) expect(h.emu.shardOf(id, 2)).toBe(session.shard[0]);
    }
    expect(h.logs.find('discord connected; invite the bot with inviteUrl (scopes bot + applications.commands)')).toMatchObject({
      shards: [0, 1],
      shardCount: 2,
      guilds: 3,
    });
    expect(h.adapter.readiness?.()).toEqual({ ready: true });
  });

  it('answers a mention in a guild on either shard exactly once, each delivered by its own shard only', async () => {
    const [north, south] = await askEverywhere(h.emu, [
      { user: ann, channelId: onShard0.channel.id },
      { user: bea, channelId: onShard1.channel.id },
    ]);
    expect(shardsSent(h.emu, 'MESSAGE_CREATE', north!.id)).toEqual([0]);
    expect(shardsSent(h.emu, 'MESSAGE_CREATE', south!.id)).toEqual([1]);
    expect(repliesTo(h.emu, north!)).toBe(1);
    expect(repliesTo(h.emu, south!)).toBe(1);
  });

  it('a DM from someone whose guild is on shard 1 arrives on shard 0 and is answered in the DM', async () => {
    const dm = h.emu.dm(bea, 'does microneedling hurt?');
    const reply = await h.emu.waitForBotMessage(dm.channel_id);
    expect(shardsSent(h.emu, 'MESSAGE_CREATE', dm.id)).toEqual([0]);
    expect(reply.content).toMatch(/numb/i);
  });

  it('a check-in started in a guild on shard 1 reaches the person by DM; its Stop button, pressed in the DM, arrives on shard 0 and stops', async () => {
    registerCommands(h.emu);
    const scheduler = new CheckinScheduler({ ...h.testCore.deps, logger: silentLogger(), cron: '* * * * *' });
    try {
      const start = h.emu.slash(bea, 'checkins', { date: 'today', hour: '9', timezone: 'Europe/Berlin' }, { subcommand: 'start', channelId: onShard1.channel.id });
      const confirmation = (await h.emu.waitForInteractionCallback(start)).body as CallbackBody;
      expect(confirmation.data?.content).toMatch(/^Check-ins are on\./);
      expect(shardsSent(h.emu, 'INTERACTION_CREATE', start.id)).toEqual([1]);

      h.testCore.clock.set(DAY_1);
      expect(await scheduler.tick()).toMatchObject({ claimed: 1, sent: 1 });
      const checkin = await h.emu.waitForBotMessage(h.emu.dmChannelOf(bea)!);
      expect(buttonsOf(checkin)).toContain(STOP_ACTION);

      const stop = h.emu.clickButton(bea, checkin, STOP_ACTION);
      const stopped = (await h.emu.waitForInteractionCallback(stop)).body as CallbackBody;
      expect(shardsSent(h.emu, 'INTERACTION_CREATE', stop.id)).toEqual([0]);
      expect(stopped.data?.content).toMatch(/^Check-ins stopped\./);
      h.testCore.clock.set(new Date(DAY_1.getTime() + 86_400_000));
      expect(await scheduler.tick()).toMatchObject({ claimed: 0 });
    } finally {
      await scheduler.stop();
    }
  });

  it('is not ready while one of its shards is down, names that shard, and keeps answering on the other', async () => {
    const lost = h.logs.waitFor('discord gateway connection lost; reconnecting');
    const endOutage = h.emu.shardOutage(1);
    expect(await lost).toMatchObject({ shard: 1 });
    expect(h.adapter.readiness?.()).toMatchObject({ ready: false, detail: expect.stringMatching(/^gateway down \(shard 1 of 2\) for \d+ s, reconnecting$/) });

    const meanwhile = h.emu.mentionBot(ann, 'does microneedling hurt?', onShard0.channel.id);
    await h.emu.waitForReplyTo(meanwhile);

    const back = h.logs.waitFor('discord gateway connected again');
    endOutage();
    expect(await back).toMatchObject({ shard: 1 });
    expect(h.adapter.readiness?.()).toEqual({ ready: true });
  });
});

describe('Discord sharding: auto', () => {
  it("takes the emulator's recommended shard count from GET /gateway/bot and holds every shard", async () => {
    let farGuild: GuildHandle | undefined;
    let cleo: ApiUser | undefined;
    const h = await startHarness({
      env: { DISCORD_SHARD_COUNT: 'auto' },
      emulator: { recommendedShards: 3, maxConcurrency: 3 },
      setup: (emu) => {
        farGuild = emu.createGuild('Clinic West', { onShard: [2, 3] });
        cleo = emu.createMember({ username: 'cleo', guildId: farGuild.id });
      },
    });
    try {
      expect(h.emu.requestsTo('GET', '/gateway/bot').length).toBeGreaterThan(0);
      expect(h.emu.gateway.identifies.map((i) => i.shard).sort()).toEqual([
        [0, 3],
        [1, 3],
        [2, 3],
      ]);
      const [question] = await askEverywhere(h.emu, [{ user: cleo!, channelId: farGuild!.channel.id }]);
      expect(shardsSent(h.emu, 'MESSAGE_CREATE', question!.id)).toEqual([2]);
      expect(repliesTo(h.emu, question!)).toBe(1);
    } finally {
      await h.stop();
    }
  });
});

describe('Discord sharding: required past the guild limit of a shard', () => {
  // Discord closes a shard with more than 2,500 guilds (4011); the emulator's limit is lowered to 1 guild here.
  const crowded = { maxGuildsPerShard: 1, recommendedShards: 2, maxConcurrency: 2 };
  const secondGuild = (emu: DiscordEmulator) => {
    emu.createGuild('Clinic East', { onShard: [1 - emu.shardOf(emu.state.guildId, 2), 2] });
  };

  it('unsharded, the start fails naming DISCORD_SHARD_COUNT and what to set (Discord closed the gateway with 4011; the token is fine)', async () => {
    await expect(startHarness({ emulator: crowded, setup: secondGuild })).rejects.toMatchObject({
      name: 'StartupError',
      setting: 'DISCORD_SHARD_COUNT',
      message: expect.stringMatching(/requires sharding .* set DISCORD_SHARD_COUNT=auto/),
    });
  });

  it('with DISCORD_SHARD_COUNT=auto the same bot starts, one guild per shard', async () => {
    const h = await startHarness({ env: { DISCORD_SHARD_COUNT: 'auto' }, emulator: crowded, setup: secondGuild });
    try {
      expect(h.emu.gateway.liveSessions()).toHaveLength(2);
      expect(h.adapter.readiness?.()).toEqual({ ready: true });
    } finally {
      await h.stop();
    }
  });
});

/** One bot "process" of two: its own core (on the shared database), adapter and scheduler. */
interface ShardProcess {
  testCore: TestCore;
  adapter: DiscordAdapter;
  seen: IncomingMessage[];
  scheduler: CheckinScheduler;
  stop(): Promise<void>;
}

async function startShardProcess(emu: DiscordEmulator, shardIds: string, databasePath: string): Promise<ShardProcess> {
  const testCore = await createTestCore({ env: { DATABASE_PATH: databasePath } });
  const seen = recordMessages(testCore.core);
  const config = loadConfig({
    DISCORD_TOKEN: emu.token,
    DISCORD_API_URL: emu.apiUrl,
    DISCORD_SHARD_COUNT: '2',
    DISCORD_SHARD_IDS: shardIds,
  });
  const adapter = createDiscordAdapter({ config, core: testCore.core, logger: createLogger('debug', new LogCapture()), tuning: { restRetries: 1 } });
  testCore.adapters.set('discord', adapter);
  await adapter.start();
  const scheduler = new CheckinScheduler({ ...testCore.deps, logger: silentLogger(), cron: '* * * * *' });
  return {
    testCore,
    adapter,
    seen,
    scheduler,
    async stop() {
      await scheduler.stop();
      await adapter.stop();
      await testCore.cleanup();
    },
  };
}

describe('Discord sharding: two Clients with one shard each, on one database', () => {
  let emu: DiscordEmulator;
  let dir: string;
  let onShard0: GuildHandle;
  let onShard1: GuildHandle;
  let ann: ApiUser;
  let bea: ApiUser;
  let zero: ShardProcess;
  let one: ShardProcess;

  beforeEach(async () => {
    emu = await DiscordEmulator.start();
    dir = mkdtempSync(path.join(tmpdir(), 'aftercare-shards-'));
    onShard0 = emu.createGuild('Clinic North', { onShard: [0, 2] });
    onShard1 = emu.createGuild('Clinic South', { onShard: [1, 2] });
    ann = emu.createMember({ username: 'ann', guildId: onShard0.id });
    bea = emu.createMember({ username: 'bea', guildId: onShard1.id });
    registerCommands(emu);
    const db = path.join(dir, 'shared.db');
    zero = await startShardProcess(emu, '0', db);
    one = await startShardProcess(emu, '1', db);
    // Two bot processes start here: on a busy machine that alone can take longer than the default timeout.
  }, 90_000);
  afterEach(async () => {
    await zero?.stop();
    await one?.stop();
    await emu.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('each answers the mentions of its own shard, every mention exactly once', async () => {
    const [north, south] = await askEverywhere(emu, [
      { user: ann, channelId: onShard0.channel.id },
      { user: bea, channelId: onShard1.channel.id },
    ]);
    expect(shardsSent(emu, 'MESSAGE_CREATE', north!.id)).toEqual([0]);
    expect(shardsSent(emu, 'MESSAGE_CREATE', south!.id)).toEqual([1]);
    expect(repliesTo(emu, north!)).toBe(1);
    expect(repliesTo(emu, south!)).toBe(1);
    expect(zero.seen.map((m) => m.user.id)).toEqual([ann.id, ann.id]);
    expect(one.seen.map((m) => m.user.id)).toEqual([bea.id, bea.id]);
  });

  it('a check-in started on shard 1 is DMed by the process without shard 0, claimed once, and stopped from the DM on shard 0', async () => {
    const start = emu.slash(bea, 'checkins', { date: 'today', hour: '9', timezone: 'Europe/Berlin' }, { subcommand: 'start', channelId: onShard1.channel.id });
    await emu.waitForInteractionCallback(start);
    expect(one.seen.map((m) => m.text)).toEqual(['checkins start today 9 Europe/Berlin']);

    zero.testCore.clock.set(DAY_1);
    one.testCore.clock.set(DAY_1);
    // Sending needs no shard: the process holding only shard 1 opens the DM and sends; the other finds nothing left.
    expect(await one.scheduler.tick()).toMatchObject({ claimed: 1, sent: 1 });
    expect(await zero.scheduler.tick()).toMatchObject({ claimed: 0 });
    const dm = emu.dmChannelOf(bea)!;
    expect(emu.requestsTo('POST', `/channels/${dm}/messages`)).toHaveLength(1);
    const checkin = emu.botMessages(dm)[0]!;

    const stop = emu.clickButton(bea, checkin, STOP_ACTION);
    const stopped = (await emu.waitForInteractionCallback(stop)).body as CallbackBody;
    expect(stopped.data?.content).toMatch(/^Check-ins stopped\./);
    expect(zero.seen.map((m) => m.channel.isDirect)).toEqual([true]);
    for (const p of [zero, one]) p.testCore.clock.set(new Date(DAY_1.getTime() + 86_400_000));
    expect(await one.scheduler.tick()).toMatchObject({ claimed: 0 });
    expect(await zero.scheduler.tick()).toMatchObject({ claimed: 0 });
  });
});

describe('Discord sharding: two bot processes (npm start), DISCORD_SHARD_IDS=0 and =1', () => {
  it('answer mentions in guilds on either shard exactly once, and DMs from a shard-1 member on shard 0', async () => {
    const emu = await DiscordEmulator.start({ waitTimeoutMs: 30_000 });
    const dir = mkdtempSync(path.join(tmpdir(), 'aftercare-shard-procs-'));
    const bots: RunningBot[] = [];
    try {
      const onShard0 = emu.createGuild('Clinic North', { onShard: [0, 2] });
      const onShard1 = emu.createGuild('Clinic South', { onShard: [1, 2] });
      const ann = emu.createMember({ username: 'ann', guildId: onShard0.id });
      const bea = emu.createMember({ username: 'bea', guildId: onShard1.id });
      const shared = {
        DISCORD_TOKEN: emu.token,
        DISCORD_API_URL: emu.apiUrl,
        DISCORD_SHARD_COUNT: '2',
        DATABASE_PATH: path.join(dir, 'bot.db'),
        ASKER_KEY_SECRET: 'a-test-secret-of-at-least-32-characters',
        PORT: '0',
      };
      // One after the other: the first creates the database, the second finds it migrated.
      for (const ids of ['0', '1']) {
        const bot = spawnBot({ ...shared, DISCORD_SHARD_IDS: ids });
        bots.push(bot);
        await bot.waitForStderr(/discord connected/);
      }
      const [north, south] = await askEverywhere(emu, [
        { user: ann, channelId: onShard0.channel.id },
        { user: bea, channelId: onShard1.channel.id },
      ]);
      expect(repliesTo(emu, north!)).toBe(1);
      expect(repliesTo(emu, south!)).toBe(1);
      const dm = emu.dm(bea, 'does microneedling hurt?');
      expect((await emu.waitForBotMessage(dm.channel_id)).content).toMatch(/numb/i);
      expect(shardsSent(emu, 'MESSAGE_CREATE', dm.id)).toEqual([0]);
    } finally {
      for (const bot of bots) {
        bot.child.kill('SIGTERM');
        await bot.exited;
      }
      await emu.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);
});
