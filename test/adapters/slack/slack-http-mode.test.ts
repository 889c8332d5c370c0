import { infoReply } from '../../../src/conversation/reply';
import { GENERAL_CHANNEL, buttonsOf, urlVerification } from '../../emulators/slack';
import { type SlackHarness, VAGUE_QUESTION, blockText, startSlackHarness, withSuggestions } from './support/slack-harness';

const SUNSCREEN = 'do I need sunscreen after microneedling?';

describe('Slack adapter, HTTP mode (Events API at /slack/events)', () => {
  let h: SlackHarness;

  beforeEach(async () => {
    h = await startSlackHarness({ mode: 'http' });
  });

  afterEach(async () => {
    await h.stop();
  });

  it('listens on the port it reports and verified its token with auth.test', async () => {
    expect(h.adapter.mode).toBe('http');
    expect(h.adapter.port).toBeGreaterThan(0);
    expect(h.emu.calls('auth.test')).toHaveLength(1);
  });

  it('answers url_verification with the challenge', async () => {
    const res = await h.http!.postJson(urlVerification('3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P'));
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ challenge: '3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P' });
  });

  it('refuses a request signed with the wrong secret, or with a stale timestamp (401)', async () => {
    const body = { type: 'event_callback', event: { type: 'app_mention', user: 'U0ALICE', text: SUNSCREEN, ts: '1.1', channel: GENERAL_CHANNEL } };
    const wrongSecret = await h.http!.postJson(body, { secret: 'not-the-signing-secret' });
    const garbage = await h.http!.postJson(body, { signature: 'v0=deadbeef' });
    const stale = await h.http!.postJson(body, { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 });
    expect([wrongSecret.status, garbage.status, stale.status]).toEqual([401, 401, 401]);
    expect(h.seen).toHaveLength(0);
    expect(h.emu.calls('chat.postMessage')).toHaveLength(0);
  });

  it('answers a mention in the thread of the question, with the facts, sources and disclaimer', async () => {
    const asked = await h.driver.mention({ text: SUNSCREEN });
    expect(asked.delivery.status).toBe(200);
    const call = await h.emu.waitForCall('chat.postMessage', (c) => c.params.thread_ts === asked.ts);
    expect(call.params.channel).toBe(GENERAL_CHANNEL);
    expect(call.params.text).toMatch(/two weeks/);
    const shown = blockText(call.params.blocks);
    expect(shown).toMatch(/sunscreen for the next two weeks/);
    const entry = h.testCore.knowledge.knowledge.entries.find((e) => e.id === 'sunscreen-two-weeks')!;
    expect(shown).toContain(`Sources: ${entry.sources.join(', ')}`);
    expect(shown).toContain(h.testCore.knowledge.knowledge.disclaimer);
    // The core got plain words: the bot's own mention is gone.
    expect(h.seen[0]).toMatchObject({
      platform: 'slack',
      text: SUNSCREEN,
      user: { id: 'U0ALICE', timezone: 'Europe/Berlin' },
      channel: { id: GENERAL_CHANNEL, isDirect: false },
      isModerator: false,
    });
  });

  it('answers a mention made inside a thread in that same thread', async () => {
    const parent = await h.driver.mention({ text: 'hello' });
    const asked = await h.driver.mention({ text: SUNSCREEN, threadTs: parent.ts });
    const call = await h.emu.waitForCall('chat.postMessage', (c) => /two weeks/.test(String(c.params.text)));
    expect(asked.threadTs).toBe(parent.ts);
    expect(call.params.thread_ts).toBe(parent.ts);
  });

  it('answers a direct message in the DM, not in a thread', async () => {
    const sent = await h.driver.dm({ text: SUNSCREEN });
    const call = await h.emu.waitForCall('chat.postMessage', (c) => c.params.channel === sent.channel);
    expect(call.params.thread_ts).toBeUndefined();
    expect(call.params.text).toMatch(/two weeks/);
    expect(h.seen[0]?.channel).toEqual({ id: sent.channel, isDirect: true, teamId: 'T0AFTERCARE' });
  });

  it('ignores DMs from bots and message subtypes (edits, joins)', async () => {
    await h.driver.dm({ text: 'I am another bot', extra: { bot_id: 'B0OTHER' } });
    await h.driver.dm({ text: 'edited', extra: { subtype: 'message_changed' } });
    const sent = await h.driver.dm({ text: SUNSCREEN });
    await h.emu.waitForCall('chat.postMessage', (c) => c.params.channel === sent.channel);
    expect(h.seen.map((m) => m.text)).toEqual([SUNSCREEN]);
  });

  it('/aftercare ask answers ephemerally through response_url, after an empty ack', async () => {
    const run = await h.driver.slash({ text: `ask ${SUNSCREEN}` });
    expect(run.delivery.status).toBe(200);
    expect(run.delivery.body).toBe('');
    const response = await h.emu.waitForResponse(run.responseId);
    expect(response.params.response_type).toBe('ephemeral');
    expect(blockText(response.params.blocks)).toMatch(/two weeks/);
    expect(h.seen[0]?.text).toBe(`ask ${SUNSCREEN}`);
    expect(h.emu.calls('chat.postMessage')).toHaveLength(0);
  });

  it('acks a slash command before the core has answered (Slack allows 3 s)', async () => {
    await h.stop();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    h = await startSlackHarness({
      mode: 'http',
      core: (real) => ({ handle: async (m) => gate.then(() => real.handle(m)) }),
    });
    try {
      const run = await h.driver.slash({ text: 'topics' });
      expect(run.delivery.status).toBe(200);
      expect(h.emu.calls('response_url')).toHaveLength(0);
    } finally {
      release();
    }
    await h.emu.waitForCall('response_url');
  });

  it('/aftercare topics and /aftercare help reach the core as "topics" and "help"', async () => {
    const topics = await h.driver.slash({ text: 'topics' });
    const help = await h.driver.slash({ text: '' });
    const topicsResponse = await h.emu.waitForResponse(topics.responseId);
    const helpResponse = await h.emu.waitForResponse(help.responseId);
    expect(h.seen.map((m) => m.text).sort()).toEqual(['help', 'topics']);
    expect(topicsResponse.params.response_type).toBe('ephemeral');
    expect(String(helpResponse.params.text)).toMatch(/ask/i);
  });

  it('a "did you mean" button answers that entry in the same thread', async () => {
    await h.stop();
    h = await startSlackHarness({ mode: 'http', core: withSuggestions });
    const asked = await h.driver.mention({ text: VAGUE_QUESTION });
    const offer = await h.emu.waitForCall('chat.postMessage', (c) => c.params.thread_ts === asked.ts);
    expect(buttonsOf(offer.params.blocks).map((b) => b.value)).toEqual(['faq:sunscreen-two-weeks', 'faq:peeling-and-shedding']);
    const mark = h.emu.log.mark();
    const clicked = await h.driver.click({ call: offer, pick: (b) => b.value === 'faq:sunscreen-two-weeks' });
    expect(clicked.delivery.status).toBe(200);
    const answer = await h.emu.waitForCall('chat.postMessage', (c) => c.seq >= mark);
    expect(answer.params).toMatchObject({ channel: GENERAL_CHANNEL, thread_ts: asked.ts });
    expect(blockText(answer.params.blocks)).toMatch(/sunscreen for the next two weeks/);
    expect(h.seen[1]).toMatchObject({ action: 'faq:sunscreen-two-weeks', text: '', user: { id: 'U0ALICE' } });
  });

  it('a button on an ephemeral slash-command answer is answered through its response_url', async () => {
    await h.stop();
    h = await startSlackHarness({ mode: 'http', core: withSuggestions });
    const run = await h.driver.slash({ text: `ask ${VAGUE_QUESTION}` });
    const offer = await h.emu.waitForResponse(run.responseId);
    const clicked = await h.driver.click({ call: offer });
    const answer = await h.emu.waitForResponse(clicked.responseId);
    expect(answer.params).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(blockText(answer.params.blocks)).toMatch(/two weeks/);
    expect(h.emu.calls('chat.postMessage')).toHaveLength(0);
  });

  it('escapes user text echoed in a reply, so <!channel>, <@U…> and links cannot form', async () => {
    await h.stop();
    h = await startSlackHarness({
      mode: 'http',
      core: () => ({ handle: async (m) => infoReply(`You asked: ${m.text}`) }),
    });
    // As Slack sends it: a real @channel is a <!channel> token; typed "<" and "&" arrive as &lt; and &amp;.
    const asked = await h.driver.mention({
      text: 'ping <!channel> or &lt;!channel&gt; and &lt;@U0BOB&gt; &amp; &lt;https://evil.example|click&gt;',
    });
    const call = await h.emu.waitForCall('chat.postMessage', (c) => c.params.thread_ts === asked.ts);
    expect(h.seen[0]?.text).toBe('ping @channel or <!channel> and <@U0BOB> & <https://evil.example|click>');
    const shown = `${String(call.params.text)}\n${blockText(call.params.blocks)}`;
    expect(shown).toContain('&lt;!channel&gt; and &lt;@U0BOB&gt; &amp; &lt;https://evil.example|click&gt;');
    expect(shown).not.toMatch(/<[!@#]|<https?:/);
    const section = (call.params.blocks as Array<{ text?: { verbatim?: boolean } }>)[0];
    expect(section?.text?.verbatim).toBe(true);
  });

  it('waits out a 429 with Retry-After, then answers', async () => {
    h.emu.failNext('chat.postMessage', { kind: 'rate-limit', retryAfterSeconds: 1 });
    const asked = await h.driver.mention({ text: SUNSCREEN });
    const limited = await h.emu.waitForCall('chat.postMessage', (c) => c.status === 429, { includeFailed: true });
    const answer = await h.emu.waitForCall('chat.postMessage', (c) => c.params.thread_ts === asked.ts);
    expect(answer.at - limited.at).toBeGreaterThanOrEqual(950);
    expect(answer.params.text).toMatch(/two weeks/);
  });

  it('retries a 5xx quickly and answers', async () => {
    h.emu.failNext('chat.postMessage', { kind: 'http', status: 503 });
    const asked = await h.driver.mention({ text: SUNSCREEN });
    const answer = await h.emu.waitForCall('chat.postMessage', (c) => c.params.thread_ts === asked.ts);
    expect(answer.params.text).toMatch(/two weeks/);
    expect(h.emu.calls('chat.postMessage').filter((c) => c.status === 503)).toHaveLength(1);
  });

  it('logs {ok:false} from chat.postMessage, apologises, and answers the next message', async () => {
    h.emu.failNext('chat.postMessage', { kind: 'error', error: 'not_in_channel' });
    const first = await h.driver.mention({ text: SUNSCREEN });
    const sorry = await h.emu.waitForCall('chat.postEphemeral', (c) => c.params.thread_ts === first.ts);
    expect(sorry.params).toMatchObject({ user: 'U0ALICE', channel: GENERAL_CHANNEL });
    expect(String(sorry.params.text)).toMatch(/^Sorry, something went wrong/);
    const failure = h.logs.find('event failed');
    expect(failure).toHaveLength(1);
    expect(failure[0]).toMatchObject({ platform: 'slack', event: 'app_mention' });
    expect(JSON.stringify(failure[0]?.err)).toMatch(/not_in_channel/);

    const second = await h.driver.mention({ text: SUNSCREEN });
    const answer = await h.emu.waitForCall('chat.postMessage', (c) => c.params.thread_ts === second.ts);
    expect(answer.params.text).toMatch(/two weeks/);
  });

  it('turns a core failure into an apology and a logged cause, and keeps serving', async () => {
    await h.stop();
    let failures = 1;
    h = await startSlackHarness({
      mode: 'http',
      core: (real) => ({
        handle: async (m) => {
          if (failures-- > 0) throw new Error('boom');
          return real.handle(m);
        },
      }),
    });
    const first = await h.driver.dm({ text: SUNSCREEN });
    const sorry = await h.emu.waitForCall('chat.postMessage', (c) => c.params.channel === first.channel);
    expect(String(sorry.params.text)).toMatch(/^Sorry, something went wrong/);
    expect(JSON.stringify(h.logs.find('event failed')[0]?.err)).toMatch(/boom/);
    await h.driver.dm({ text: SUNSCREEN });
    await h.emu.waitForCall('chat.postMessage', (c) => /two weeks/.test(String(c.params.text)));
  });

  it('never logs tokens, the signing secret or message content', async () => {
    const asked = await h.driver.mention({ text: 'my secret question about sunscreen after microneedling' });
    await h.emu.waitForCall('chat.postMessage', (c) => c.params.thread_ts === asked.ts);
    await h.http!.postJson({ type: 'event_callback' }, { secret: 'wrong' });
    const raw = h.logs.raw;
    expect(raw).toContain('event answered');
    expect(raw).not.toContain(h.emu.botToken);
    expect(raw).not.toContain(h.emu.signingSecret);
    expect(raw).not.toContain('my secret question');
    expect(raw).not.toContain('two weeks');
  });
});
