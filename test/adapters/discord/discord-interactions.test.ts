import { slashCommandsJson } from '../../../adapters/discord/slash-commands';
import { infoReply, type Reply } from '../../../src/conversation/reply';
import type { ApiMessage } from '../../emulators/discord';
import { type Harness, startHarness } from './discord-harness';

const REDNESS = 'how long does redness last after microneedling?';
const EPHEMERAL = 1 << 6;

interface CallbackBody {
  type: number;
  data?: { content?: string; flags?: number; allowed_mentions?: { parse?: string[] }; components?: unknown[] };
}

function registerCommands(h: Harness): void {
  h.emu.commands.overwrite(slashCommandsJson());
}

describe('Discord adapter: slash commands and buttons', () => {
  let h: Harness;
  afterEach(async () => {
    await h?.stop();
  });

  test('/ask is answered with an interaction reply from the core', async () => {
    h = await startHarness();
    registerCommands(h);
    const alice = h.emu.createMember({ username: 'alice' });
    const interaction = h.emu.slash(alice, 'ask', { question: REDNESS });

    const callback = await h.emu.waitForInteractionCallback(interaction);
    const body = callback.body as CallbackBody;
    expect(callback.status).toBe(204);
    expect(body.type).toBe(4);
    expect(body.data?.content).toMatch(/24 hours/);
    expect(body.data?.allowed_mentions?.parse).toEqual([]);
    expect(h.seen[0]).toMatchObject({ text: `ask ${REDNESS}`, channel: { id: h.emu.channel.id, isDirect: false }, isModerator: false });
  });

  test('/topics and /help map to the core commands, in a server and in a DM', async () => {
    h = await startHarness();
    registerCommands(h);
    const alice = h.emu.createMember({ username: 'alice' });
    const topics = h.emu.slash(alice, 'topics');
    expect(((await h.emu.waitForInteractionCallback(topics)).body as CallbackBody).data?.content).toBeTruthy();
    const help = h.emu.slashInDm(alice, 'help');
    expect(((await h.emu.waitForInteractionCallback(help)).body as CallbackBody).data?.content).toBeTruthy();
    expect(h.seen.map((m) => [m.text, m.channel.isDirect])).toEqual([
      ['topics', false],
      ['help', true],
    ]);
  });

  test('a moderator is recognised from the interaction member permissions', async () => {
    h = await startHarness();
    registerCommands(h);
    const mod = h.emu.createMember({ username: 'mod', moderator: true });
    await h.emu.waitForInteractionCallback(h.emu.slash(mod, 'help'));
    expect(h.seen[0]?.isModerator).toBe(true);
  });

  test('a suggestion button answers that entry when clicked', async () => {
    h = await startHarness();
    const entry = h.testCore.knowledge.knowledge.entries.find((e) => e.id === 'redness-how-long');
    expect(entry).toBeDefined();
    const didYouMean: Reply = infoReply('Did you mean one of these?', {
      kind: 'fallback',
      suggestions: [{ faqId: 'redness-how-long', question: entry!.question }],
    });
    const ref = await h.adapter.send(h.emu.channel.id, didYouMean);
    const posted = h.emu.state.message(ref.channelId, ref.messageId);
    expect(JSON.stringify(posted.components)).toContain('"custom_id":"faq:redness-how-long"');

    const bob = h.emu.createMember({ username: 'bob' });
    const click = h.emu.clickButton(bob, posted, 'faq:redness-how-long');
    const callback = await h.emu.waitForInteractionCallback(click);
    expect((callback.body as CallbackBody).data?.content).toMatch(/24 hours/);
    expect(h.seen[0]).toMatchObject({ action: 'faq:redness-how-long', text: '', user: { id: bob.id } });
  });

  test('a real "did you mean" reply carries buttons that answer', async () => {
    h = await startHarness();
    // Find a question the real core answers with suggestions (wording decided by the knowledge pack).
    const candidates = ['redness', 'skin', 'after care', 'how long', 'is it normal', 'what should i put on my face'];
    let asked: ApiMessage | undefined;
    let reply: ApiMessage | undefined;
    const alice = h.emu.createMember({ username: 'alice' });
    for (const text of candidates) {
      asked = h.emu.mentionBot(alice, text);
      reply = (await h.emu.waitForReplyTo(asked)).message;
      if (reply.components.length > 0) break;
    }
    expect(reply?.components.length).toBeGreaterThan(0);
    const button = reply!.components[0]!.components![0]!;
    const click = h.emu.clickButton(alice, reply!, String(button.custom_id));
    const body = (await h.emu.waitForInteractionCallback(click)).body as CallbackBody;
    expect(body.type).toBe(4);
    expect(body.data?.content?.length).toBeGreaterThan(20);
  });

  test('ephemeral replies are sent with the ephemeral flag', async () => {
    h = await startHarness({ wrapCore: () => ({ handle: async () => infoReply('Only you can see this.', { ephemeral: true }) }) });
    registerCommands(h);
    const alice = h.emu.createMember({ username: 'alice' });
    const interaction = h.emu.slash(alice, 'help');
    const body = (await h.emu.waitForInteractionCallback(interaction)).body as CallbackBody;
    expect(body.data?.flags).toBe(EPHEMERAL);
    // Ephemeral answers never become channel messages.
    expect(h.emu.botMessages()).toHaveLength(0);
  });

  test('a slow core: the interaction is deferred within Discord\'s 3 s, then the answer fills it', async () => {
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
    registerCommands(h);
    const alice = h.emu.createMember({ username: 'alice' });
    const interaction = h.emu.slash(alice, 'ask', { question: REDNESS });

    const deferred = await h.emu.waitForInteractionCallback(interaction);
    expect((deferred.body as CallbackBody).type).toBe(5);
    release();
    const edit = await h.emu.waitForInteractionWebhook(interaction, 'PATCH');
    expect((edit.body as CallbackBody['data'])?.content).toMatch(/24 hours/);
    expect(h.emu.botMessages()[0]?.content).toMatch(/24 hours/);
  });

  test('a slow core with a private answer: the public placeholder is removed and the answer sent privately', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    h = await startHarness({
      tuning: { deferInteractionAfterMs: 10 },
      wrapCore: () => ({
        handle: async () => {
          await gate;
          return infoReply('Your check-ins: none yet.', { ephemeral: true });
        },
      }),
    });
    registerCommands(h);
    const alice = h.emu.createMember({ username: 'alice' });
    const interaction = h.emu.slash(alice, 'help');
    expect(((await h.emu.waitForInteractionCallback(interaction)).body as CallbackBody).type).toBe(5);
    release();
    expect((await h.emu.waitForInteractionWebhook(interaction, 'DELETE')).status).toBe(204);
    const followUp = await h.emu.waitForInteractionWebhook(interaction, 'POST');
    expect(followUp.body).toMatchObject({ content: 'Your check-ins: none yet.', flags: EPHEMERAL });
    expect(h.emu.botMessages()).toHaveLength(0);
  });

  test('a slow private command whose answer turns out public: the private placeholder is removed and the answer posted', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    h = await startHarness({
      tuning: { deferInteractionAfterMs: 10 },
      wrapCore: () => ({
        handle: async () => {
          await gate;
          return infoReply('Everyone may see this.');
        },
      }),
    });
    registerCommands(h);
    const alice = h.emu.createMember({ username: 'alice' });
    const interaction = h.emu.slash(alice, 'checkins', {}, { subcommand: 'status' });
    expect((await h.emu.waitForInteractionCallback(interaction)).body).toMatchObject({ type: 5, data: { flags: EPHEMERAL } });
    release();
    expect((await h.emu.waitForInteractionWebhook(interaction, 'DELETE')).status).toBe(204);
    const followUp = await h.emu.waitForInteractionWebhook(interaction, 'POST');
    expect(followUp.body).toMatchObject({ content: 'Everyone may see this.' });
    expect((followUp.body as { flags?: number }).flags ?? 0).toBe(0);
    expect(h.emu.botMessages().map((m) => m.content)).toEqual(['Everyone may see this.']);
  });

  test('a core failure during a slash command gets an ephemeral apology; the next command works', async () => {
    let failures = 1;
    h = await startHarness({
      wrapCore: (core) => ({
        handle: async (m) => {
          if (failures-- > 0) throw new Error('boom');
          return core.handle(m);
        },
      }),
    });
    registerCommands(h);
    const alice = h.emu.createMember({ username: 'alice' });
    const failed = (await h.emu.waitForInteractionCallback(h.emu.slash(alice, 'ask', { question: REDNESS }))).body as CallbackBody;
    expect(failed.data?.content).toMatch(/Sorry, something went wrong/);
    expect(failed.data?.flags).toBe(EPHEMERAL);

    const next = (await h.emu.waitForInteractionCallback(h.emu.slash(alice, 'ask', { question: REDNESS }))).body as CallbackBody;
    expect(next.data?.content).toMatch(/24 hours/);
    expect(h.logs.find('event failed')).toMatchObject({ event: '/ask', err: { message: 'boom' } });
  });

  test('an unknown (stale) command reaches the core by name and is answered privately that it is gone', async () => {
    h = await startHarness();
    const alice = h.emu.createMember({ username: 'alice' });
    const body = (await h.emu.waitForInteractionCallback(h.emu.slash(alice, 'retired-command'))).body as CallbackBody;
    expect(body.data?.flags).toBe(EPHEMERAL);
    expect(body.data?.content).toMatch(/not available any more/);
    expect(h.seen.map((m) => m.command)).toEqual([{ name: 'retired-command', options: {} }]);
  });

  test('autocomplete is answered (with no choices) so the client never shows an error', async () => {
    h = await startHarness();
    const alice = h.emu.createMember({ username: 'alice' });
    const interaction = h.emu.autocomplete(alice, 'ask', 'question', { question: 'red' });
    const body = (await h.emu.waitForInteractionCallback(interaction)).body as { type: number; data: { choices: unknown[] } };
    expect(body).toEqual({ type: 8, data: { choices: [] } });
  });
});
