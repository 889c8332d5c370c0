import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { type RunningApp, startApp } from '../../../src/app/start-app';
import { loadConfig } from '../../../src/config/load-config';
import { createLogger } from '../../../src/logging/logger';
import { createStore } from '../../../src/store/store';
import { ManualClock } from '../../../src/time/clock';
import { type ApiUser, DiscordEmulator, MAX_PINS, Permission, type RecordedRequest } from '../../emulators/discord';
import { copyKnowledge, editFaq } from '../../support/knowledge-copy';
import { type CallbackBody, EPHEMERAL, type Harness, LogCapture, registerCommands, startHarness } from './discord-harness';
import { sqlRows } from '../../support/sql-rows';

const PAIN_ANSWER = 'Any pain is usually minor, and topical numbing is used on the skin to ease it.';
const PIN_ROUTE = /^\/channels\/(\d+)\/(?:messages\/)?pins\/(\d+)$/;

function postsTo(emu: DiscordEmulator, channelId: string): RecordedRequest[] {
  return emu.requestsTo('POST', `/channels/${channelId}/messages`);
}

function pinCalls(emu: DiscordEmulator, method: 'PUT' | 'DELETE' = 'PUT'): RecordedRequest[] {
  return emu.requestsTo(method, PIN_ROUTE);
}

/** DELETE /channels/{c}/messages/{m}: the bot deleting a message (not an unpin, whose path has /pins/). */
function deletesIn(emu: DiscordEmulator, channelId: string): RecordedRequest[] {
  return emu.requestsTo('DELETE', new RegExp(`^/channels/${channelId}/messages/\\d+$`));
}

async function callback(emu: DiscordEmulator, interaction: ReturnType<DiscordEmulator['slash']>): Promise<CallbackBody> {
  return (await emu.waitForInteractionCallback(interaction)).body as CallbackBody;
}

function faq(emu: DiscordEmulator, user: ApiUser, subcommand: string, options: Record<string, string> = {}, channelId?: string) {
  return emu.slash(user, 'faq', options, { subcommand, ...(channelId ? { channelId } : {}) });
}

describe('Discord moderator tools: /faq through the adapter and the emulator', () => {
  let h: Harness;
  let mod: ApiUser;
  let member: ApiUser;
  beforeEach(async () => {
    h = await startHarness();
    registerCommands(h.emu);
    mod = h.emu.createMember({ username: 'mod', moderator: true });
    member = h.emu.createMember({ username: 'alice' });
  });
  afterEach(async () => {
    await h.stop();
  });

  it('a member with Manage Messages pins an answer: the message with answer and sources, then the pin on it, then a private confirmation', async () => {
    const body = await callback(h.emu, faq(h.emu, mod, 'pin', { topic: 'pain-and-numbing' }));
    expect(body.type).toBe(4);
    expect(body.data?.flags).toBe(EPHEMERAL);
    expect(body.data?.content).toMatch(/Pinned "Does microneedling hurt\?" \(pain-and-numbing\)/);

    const [post] = postsTo(h.emu, h.emu.channel.id);
    expect(postsTo(h.emu, h.emu.channel.id)).toHaveLength(1);
    const message = post!.response as { id: string; content: string };
    expect(message.content).toContain('Does microneedling hurt?');
    expect(message.content).toContain(PAIN_ANSWER);
    expect(message.content).toContain('Sources: NewBeauty');
    expect((post!.body as { allowed_mentions?: { parse?: string[] } }).allowed_mentions?.parse).toEqual([]);

    const pins = pinCalls(h.emu);
    expect(pins).toHaveLength(1);
    expect(pins[0]!.path).toMatch(PIN_ROUTE);
    expect(PIN_ROUTE.exec(pins[0]!.path)?.slice(1)).toEqual([h.emu.channel.id, message.id]);
    expect(pins[0]!.status).toBe(204);
    expect(h.emu.requests.all.indexOf(post!)).toBeLessThan(h.emu.requests.all.indexOf(pins[0]!));
    expect(h.emu.state.channelPins(h.emu.channel.id).map((p) => p.messageId)).toEqual([message.id]);

    expect(await h.testCore.store.pins.all()).toEqual([
      expect.objectContaining({
        platform: 'discord',
        channelId: h.emu.channel.id,
        messageId: message.id,
        faqId: 'pain-and-numbing',
        knowledgeVersion: h.testCore.knowledge.knowledge.version,
      }),
    ]);
    expect(h.seen[0]).toMatchObject({ text: 'faq pin pain-and-numbing', isModerator: true, channel: { id: h.emu.channel.id, isDirect: false } });

    // Pinning it again in the same channel changes nothing.
    const again = await callback(h.emu, faq(h.emu, mod, 'pin', { topic: 'pain-and-numbing' }));
    expect(again.data?.content).toMatch(/already pinned/);
    expect(postsTo(h.emu, h.emu.channel.id)).toHaveLength(1);
    expect(pinCalls(h.emu)).toHaveLength(1);
  });

  it('anyone without Manage Messages is refused privately for every /faq subcommand: no message, no pin call', async () => {
    for (const [subcommand, options] of [
      ['pin', { topic: 'pain-and-numbing' }],
      ['unpin', { topic: 'pain-and-numbing' }],
      ['list', {}],
      ['gaps', {}],
      ['stats', {}],
    ] as const) {
      const body = await callback(h.emu, faq(h.emu, member, subcommand, options));
      expect(body.data?.content).toBe('Only moderators can use that command.');
      expect(body.data?.flags).toBe(EPHEMERAL);
    }
    expect(h.seen.every((m) => m.isModerator === false)).toBe(true);
    expect(postsTo(h.emu, h.emu.channel.id)).toHaveLength(0);
    expect(pinCalls(h.emu)).toHaveLength(0);
    expect(pinCalls(h.emu, 'DELETE')).toHaveLength(0);
    expect(h.emu.botMessages()).toHaveLength(0);
    expect(await h.testCore.store.pins.all()).toHaveLength(0);
  });

  it('Manage Messages counts per channel: a moderator denied it in one channel is refused there', async () => {
    const locked = h.emu.state.createTextChannel('announcements', [
      { id: h.emu.state.moderatorRoleId, type: 0, allow: '0', deny: Permission.ManageMessages.toString() },
    ]);
    const refused = await callback(h.emu, faq(h.emu, mod, 'pin', { topic: 'pain-and-numbing' }, locked.id));
    expect(refused.data?.content).toBe('Only moderators can use that command.');
    expect(postsTo(h.emu, locked.id)).toHaveLength(0);
    expect(pinCalls(h.emu)).toHaveLength(0);
    // …and a plain member given it in one channel moderates there.
    const helpdesk = h.emu.state.createTextChannel('helpdesk', [{ id: member.id, type: 1, allow: Permission.ManageMessages.toString(), deny: '0' }]);
    const pinned = await callback(h.emu, faq(h.emu, member, 'pin', { topic: 'sunscreen-two-weeks' }, helpdesk.id));
    expect(pinned.data?.content).toMatch(/^Pinned/);
    expect(pinCalls(h.emu)).toHaveLength(1);
  });

  it('autocomplete offers matching FAQ entries (id — question), at most 25, from the live pack', async () => {
    const choices = async (typed: string, user = mod, subcommand = 'pin') => {
      const interaction = h.emu.autocomplete(user, 'faq', 'topic', { topic: typed }, { subcommand });
      const body = (await h.emu.waitForInteractionCallback(interaction)).body as CallbackBody;
      expect(body.type).toBe(8);
      return body.data?.choices ?? [];
    };
    const all = await choices('');
    expect(all).toHaveLength(h.testCore.knowledge.knowledge.entries.length);
    expect(all.length).toBeLessThanOrEqual(25);
    expect(all[0]).toMatchObject({ name: 'what-is-microneedling — What is microneedling and how does it work?', value: 'what-is-microneedling' });

    expect((await choices('sun'))[0]).toMatchObject({ name: 'sunscreen-two-weeks — Do I need sunscreen after microneedling?', value: 'sunscreen-two-weeks' });
    expect((await choices('hurt')).map((c) => c.value)).toEqual(['pain-and-numbing']);
    expect((await choices('sunscren')).map((c) => c.value)).toContain('sunscreen-two-weeks'); // a typo
    for (const choice of all) {
      expect(choice.name.length).toBeLessThanOrEqual(100);
      expect(choice.value.length).toBeLessThanOrEqual(100);
    }
    // Nothing for members who cannot use /faq.
    expect(await choices('sun', member)).toEqual([]);

    // The pack is live: an entry removed by a reload is no longer offered.
    const pack = h.testCore.knowledge.knowledge;
    h.testCore.knowledge.replace({ ...pack, version: `${pack.version}-edited`, entries: pack.entries.filter((e) => e.id !== 'sunscreen-two-weeks') });
    expect((await choices('sunscreen')).map((c) => c.value)).not.toContain('sunscreen-two-weeks');

    // Unpin offers what is pinned in this channel.
    expect(await choices('', mod, 'unpin')).toEqual([]);
    await callback(h.emu, faq(h.emu, mod, 'pin', { topic: 'pain-and-numbing' }));
    expect(await choices('', mod, 'unpin')).toEqual([expect.objectContaining({ value: 'pain-and-numbing' })]);
    expect(await choices('sun', mod, 'unpin')).toEqual([]);
  });

  it('an unknown topic gets the closest entries and posts nothing', async () => {
    const body = await callback(h.emu, faq(h.emu, mod, 'pin', { topic: 'sunscren' }));
    expect(body.data?.flags).toBe(EPHEMERAL);
    expect(body.data?.content).toMatch(/No FAQ entry is called "sunscren". Closest:/);
    expect(body.data?.content).toContain('sunscreen-two-weeks');
    expect(postsTo(h.emu, h.emu.channel.id)).toHaveLength(0);
    expect(pinCalls(h.emu)).toHaveLength(0);
  });

  it('unpin, list, gaps and stats work for a moderator, all privately', async () => {
    await callback(h.emu, faq(h.emu, mod, 'pin', { topic: 'pain-and-numbing' }));
    const list = await callback(h.emu, faq(h.emu, mod, 'list'));
    expect(list.data?.content).toMatch(/Pinned in this channel:\n• pain-and-numbing — Does microneedling hurt\?/);

    await h.emu.waitForReplyTo(h.emu.mentionBot(member, 'how much should I tip my esthetician'));
    const gaps = await callback(h.emu, faq(h.emu, mod, 'gaps'));
    expect(gaps.data?.content).toMatch(/1× "how much should i tip my esthetician"/);
    expect(JSON.stringify(sqlRows(h.testCore.config.DATABASE_PATH, 'SELECT * FROM question_events'))).not.toContain(member.id);
    const stats = await callback(h.emu, faq(h.emu, mod, 'stats'));
    expect(stats.data?.content).toMatch(/Last 7 days: 1 questions/);

    const message = (await h.testCore.store.pins.all())[0]!.messageId;
    const unpinned = await callback(h.emu, faq(h.emu, mod, 'unpin', { topic: 'pain-and-numbing' }));
    expect(unpinned.data?.content).toBe('Unpinned "pain-and-numbing" in this channel.');
    expect(pinCalls(h.emu, 'DELETE').map((r) => PIN_ROUTE.exec(r.path)?.[2])).toEqual([message]);
    expect(h.emu.state.channelPins(h.emu.channel.id)).toHaveLength(0);
    expect(await h.testCore.store.pins.all()).toHaveLength(0);
    for (const body of [list, gaps, stats, unpinned]) expect(body.data?.flags).toBe(EPHEMERAL);
  });

  it(`a channel already at ${MAX_PINS} pins gets a clear private answer, the posted answer is deleted again, and the bot carries on`, async () => {
    h.emu.state.fillPins(h.emu.channel.id, MAX_PINS);
    const body = await callback(h.emu, faq(h.emu, mod, 'pin', { topic: 'pain-and-numbing' }));
    expect(body.data?.flags).toBe(EPHEMERAL);
    expect(body.data?.content).toBe(
      'Nothing was pinned, and I removed the answer I had just posted: this channel already has the most pins allowed here. Unpin one and try again.',
    );
    expect(pinCalls(h.emu).map((r) => [r.status, (r.response as { code?: number }).code])).toEqual([[400, 30003]]);
    // Posted, refused the pin, then deleted: that same message, after the pin attempt.
    const posts = postsTo(h.emu, h.emu.channel.id);
    expect(posts.map((r) => r.status)).toEqual([200]);
    const posted = (posts[0]!.response as { id: string }).id;
    const deletes = deletesIn(h.emu, h.emu.channel.id);
    expect(deletes.map((r) => [r.path, r.status])).toEqual([[`/channels/${h.emu.channel.id}/messages/${posted}`, 204]]);
    expect(h.emu.requests.all.indexOf(pinCalls(h.emu)[0]!)).toBeLessThan(h.emu.requests.all.indexOf(deletes[0]!));
    // The channel holds what it held before: the 50 pinned notes and nothing from the bot.
    expect(h.emu.botMessages()).toHaveLength(0);
    expect(h.emu.state.channelMessages(h.emu.channel.id).size).toBe(MAX_PINS);
    expect(h.emu.state.channelPins(h.emu.channel.id)).toHaveLength(MAX_PINS);
    expect(await h.testCore.store.pins.all()).toHaveLength(0);
    // Answered by the core, not by the adapter's error boundary.
    expect(h.logs.find('event failed')).toBeUndefined();
    // Still answering.
    expect((await callback(h.emu, faq(h.emu, mod, 'list'))).data?.content).toBe('No FAQ answers are pinned in this channel.');
  });

  it('the bot lacking a permission (50013) gets a clear private answer: to pin (the posted answer is deleted), or to post at all', async () => {
    const botRole = h.emu.state.botRoleId;
    const noPinning = h.emu.state.createTextChannel('no-pinning', [
      { id: botRole, type: 0, allow: '0', deny: (Permission.PinMessages | Permission.ManageMessages).toString() },
    ]);
    const cannotPin = await callback(h.emu, faq(h.emu, mod, 'pin', { topic: 'pain-and-numbing' }, noPinning.id));
    expect(cannotPin.data?.flags).toBe(EPHEMERAL);
    expect(cannotPin.data?.content).toBe(
      'Nothing was pinned, and I removed the answer I had just posted: I lack a permission here: I need to be in this channel and allowed to post and pin messages in it (ask an admin).',
    );
    expect(pinCalls(h.emu).map((r) => [r.status, (r.response as { code?: number }).code])).toEqual([[403, 50013]]);
    // Deleting its own message needs no Manage Messages: the answer is gone again.
    const posted = (postsTo(h.emu, noPinning.id)[0]!.response as { id: string }).id;
    expect(deletesIn(h.emu, noPinning.id).map((r) => [r.path, r.status])).toEqual([[`/channels/${noPinning.id}/messages/${posted}`, 204]]);
    expect(h.emu.state.channelMessages(noPinning.id).size).toBe(0);

    const readOnly = h.emu.state.createTextChannel('read-only', [{ id: botRole, type: 0, allow: '0', deny: Permission.SendMessages.toString() }]);
    const cannotPost = await callback(h.emu, faq(h.emu, mod, 'pin', { topic: 'pain-and-numbing' }, readOnly.id));
    expect(cannotPost.data?.content).toMatch(/^I could not post the answer: I lack a permission here/);
    expect(postsTo(h.emu, readOnly.id).map((r) => r.status)).toEqual([403]);
    // Nothing was posted there, so nothing to delete.
    expect(deletesIn(h.emu, readOnly.id)).toHaveLength(0);
    expect(pinCalls(h.emu)).toHaveLength(1);
    expect(await h.testCore.store.pins.all()).toHaveLength(0);
  });

  it('when the pin and then the delete fail, the moderator is told the answer may still be visible', async () => {
    h.emu.state.fillPins(h.emu.channel.id, MAX_PINS);
    h.emu.failNext({ method: 'DELETE', path: /^\/channels\/\d+\/messages\/\d+$/ }, { kind: 'api-error', status: 403, code: 50001, message: 'Missing Access' });
    const body = await callback(h.emu, faq(h.emu, mod, 'pin', { topic: 'pain-and-numbing' }));
    expect(body.data?.flags).toBe(EPHEMERAL);
    expect(body.data?.content).toBe(
      'Nothing was pinned: this channel already has the most pins allowed here. Unpin one and try again. ' +
        'I could not remove the answer I had just posted, so it may still be visible in this channel; delete it by hand if you do not want it.',
    );
    expect(deletesIn(h.emu, h.emu.channel.id).map((r) => r.status)).toEqual([403]);
    expect(h.emu.botMessages().map((m) => m.content)).toEqual([expect.stringContaining(PAIN_ANSWER)]);
    expect(await h.testCore.store.pins.all()).toHaveLength(0);
    expect(h.logs.find('event failed')).toBeUndefined();
  });

  it('a slow pin is deferred privately: no public "thinking…" in the channel, then the confirmation fills it', async () => {
    await h.stop();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    h = await startHarness({
      tuning: { deferInteractionAfterMs: 10 },
      wrapCore: (core) => ({
        handle: async (m) => {
          await gate;
          return core.handle(m);
        },
      }),
    });
    registerCommands(h.emu);
    mod = h.emu.createMember({ username: 'mod', moderator: true });
    const interaction = faq(h.emu, mod, 'pin', { topic: 'pain-and-numbing' });
    const deferred = await callback(h.emu, interaction);
    expect(deferred).toMatchObject({ type: 5, data: { flags: EPHEMERAL } });
    release();
    const filled = await h.emu.waitForInteractionWebhook(interaction, 'PATCH');
    expect((filled.body as { content?: string }).content).toMatch(/^Pinned/);
    expect(h.emu.interactions.all.get(interaction.id)?.original?.flags).toBe(EPHEMERAL);
    // In the channel: only the pinned answer (and Discord's own "pinned a message" notice).
    expect(h.emu.botMessages().map((m) => m.type)).toEqual([0, 6]);
  });
});

describe('Discord living pins: the whole app, a copied knowledge folder', () => {
  let emu: DiscordEmulator;
  let app: RunningApp;
  let dir: string;
  let knowledgeDir: string;
  let mod: ApiUser;
  let logs: LogCapture;

  const start = async (): Promise<RunningApp> => {
    const config = loadConfig({
      DISCORD_TOKEN: emu.token,
      DISCORD_API_URL: emu.apiUrl,
      KNOWLEDGE_DIR: knowledgeDir,
      DATABASE_PATH: path.join(dir, 'app.db'),
      LOG_LEVEL: 'debug',
    });
    return startApp({
      // PORT=0: the health and metrics server takes a free port.
      config: { ...config, PORT: 0 },
      logger: createLogger('debug', logs),
      clock: new ManualClock(new Date('2026-11-26T10:00:00Z')),
      input: new PassThrough(),
      output: new PassThrough(),
      interactive: false,
    });
  };
  const pinOf = async (faqId: string) => (await app.store.pins.find('discord', emu.channel.id, faqId))!;
  /** Stopping waits for the pin refresh in progress; the database then shows what it recorded. */
  const storedPinsAfterStop = async () => {
    await app.stop();
    const store = createStore(path.join(dir, 'app.db'));
    try {
      return await store.pins.all();
    } finally {
      await store.close();
    }
  };

  beforeEach(async () => {
    emu = await DiscordEmulator.start();
    registerCommands(emu);
    dir = mkdtempSync(path.join(tmpdir(), 'aftercare-discord-pins-'));
    knowledgeDir = copyKnowledge(dir);
    logs = new LogCapture();
    app = await start();
    expect([...app.adapters.keys()]).toEqual(['discord']);
    mod = emu.createMember({ username: 'mod', moderator: true });
    for (const topic of ['pain-and-numbing', 'sunscreen-two-weeks']) {
      expect((await callback(emu, faq(emu, mod, 'pin', { topic }))).data?.content).toMatch(/^Pinned/);
    }
    expect(emu.state.channelPins(emu.channel.id)).toHaveLength(2);
  });

  afterEach(async () => {
    await app.stop();
    await emu.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('edits a pinned answer in place (PATCH) when its text changes in faq.yaml', async () => {
    const pain = await pinOf('pain-and-numbing');
    const patched = emu.waitForRequest((r) => r.method === 'PATCH' && r.path === `/channels/${emu.channel.id}/messages/${pain.messageId}`, 'the edit of the pinned answer');
    editFaq(knowledgeDir, (doc) => {
      const entry = doc.entries.find((e) => e.id === 'pain-and-numbing');
      if (entry) entry['answer'] = 'Topical numbing keeps the minor pain down (clinic wording, edited).';
    });
    const patch = await patched;
    expect(patch.status).toBe(200);
    expect((patch.body as { content: string }).content).toContain('Topical numbing keeps the minor pain down (clinic wording, edited).');
    expect((patch.body as { content: string }).content).toContain('Sources: NewBeauty');
    expect(emu.state.message(emu.channel.id, pain.messageId).content).toContain('clinic wording, edited');
    // In place: same message, still pinned, nothing new posted, the other pin untouched.
    expect(emu.state.channelPins(emu.channel.id)).toHaveLength(2);
    expect(emu.requestsTo('PATCH', /^\/channels\//)).toHaveLength(1);
    expect(postsTo(emu, emu.channel.id)).toHaveLength(2);
    const version = app.knowledge.knowledge.version;
    expect((await storedPinsAfterStop()).find((p) => p.faqId === 'pain-and-numbing')?.knowledgeVersion).toBe(version);
  });

  it('edits a pin whose entry was removed to say so, then unpins it', async () => {
    const sunscreen = await pinOf('sunscreen-two-weeks');
    const unpinned = emu.waitForRequest((r) => r.method === 'DELETE' && PIN_ROUTE.exec(r.path)?.[2] === sunscreen.messageId, 'the unpin');
    editFaq(knowledgeDir, (doc) => {
      doc.entries = doc.entries.filter((e) => e.id !== 'sunscreen-two-weeks');
    });
    const unpin = await unpinned;
    expect(unpin.status).toBe(204);
    const patches = emu.requestsTo('PATCH', /^\/channels\//);
    expect(patches.map((r) => r.path)).toEqual([`/channels/${emu.channel.id}/messages/${sunscreen.messageId}`]);
    expect((patches[0]!.body as { content: string }).content).toBe(
      'This pinned answer (sunscreen-two-weeks) was removed from the aftercare guide and is no longer current.',
    );
    expect(emu.requests.all.indexOf(patches[0]!)).toBeLessThan(emu.requests.all.indexOf(unpin));
    expect(emu.state.channelPins(emu.channel.id).map((p) => p.messageId)).toEqual([(await pinOf('pain-and-numbing')).messageId]);
    expect((await storedPinsAfterStop()).map((p) => p.faqId)).toEqual(['pain-and-numbing']);
  });

  it('refuses a broken edit: no PATCH, and the old answers stay', async () => {
    const version = app.knowledge.knowledge.version;
    // The app's own watcher sees the edit and refuses it (its log line says so).
    const refused = logs.waitFor('knowledge edit refused; the previous pack stays live');
    writeFileSync(path.join(knowledgeDir, 'faq.yaml'), 'entries: [ {id: oops} ]\n');
    expect(String((await refused)['problem'])).toMatch(/faq\.yaml/);
    expect(app.knowledge.knowledge.version).toBe(version);
    const asked = emu.mentionBot(mod, 'does microneedling hurt?');
    const { message } = await emu.waitForReplyTo(asked);
    expect(message.content).toContain(PAIN_ANSWER);
    expect(emu.requestsTo('PATCH', /^\/channels\//)).toHaveLength(0);
    expect(pinCalls(emu, 'DELETE')).toHaveLength(0);
    expect(emu.state.channelPins(emu.channel.id)).toHaveLength(2);
  });

  it('an edit made while the bot was down is applied to the pins when it starts again', async () => {
    const pain = await pinOf('pain-and-numbing');
    await app.stop();
    editFaq(knowledgeDir, (doc) => {
      const entry = doc.entries.find((e) => e.id === 'pain-and-numbing');
      if (entry) entry['answer'] = 'Numbing cream first; most people feel little (edited while down).';
    });
    const patched = emu.waitForRequest((r) => r.method === 'PATCH' && r.path === `/channels/${emu.channel.id}/messages/${pain.messageId}`, 'the edit on start');
    app = await start();
    expect((await patched).body).toMatchObject({ content: expect.stringContaining('edited while down') });
    expect(emu.state.channelPins(emu.channel.id)).toHaveLength(2);
  });
});
