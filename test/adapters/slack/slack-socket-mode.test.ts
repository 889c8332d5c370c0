import { GENERAL_CHANNEL } from '../../emulators/slack';
import { blockText, type SlackHarness, startSlackHarness, VAGUE_QUESTION, withSuggestions } from './support/slack-harness';

const SUNSCREEN = 'do I need sunscreen after microneedling?';

describe('Slack adapter, Socket Mode', () => {
  let h: SlackHarness;

  beforeEach(async () => {
    // A short ping timeout also shortens the reconnect delay (the client waits one timeout per attempt).
    h = await startSlackHarness({ mode: 'socket', tuning: { socketPingTimeoutMs: 1500 } });
  });

  afterEach(async () => {
    await h.stop();
  });

  it('connects with the app token through apps.connections.open and opens no HTTP port', async () => {
    expect(h.adapter.mode).toBe('socket');
    expect(h.adapter.port).toBeUndefined();
    expect(h.emu.calls('apps.connections.open')).toHaveLength(1);
    expect(h.emu.socket.connectionCount).toBe(1);
  });

  it('answers a mention in its thread with the facts', async () => {
    const asked = await h.driver.mention({ text: SUNSCREEN });
    const call = await h.emu.waitForCall('chat.postMessage', (c) => c.params.thread_ts === asked.ts);
    expect(call.params.channel).toBe(GENERAL_CHANNEL);
    expect(blockText(call.params.blocks)).toMatch(/two weeks/);
  });

  it('answers a direct message', async () => {
    const sent = await h.driver.dm({ text: SUNSCREEN });
    const call = await h.emu.waitForCall('chat.postMessage', (c) => c.params.channel === sent.channel);
    expect(call.params.text).toMatch(/two weeks/);
  });

  it('acks /aftercare ask over the socket, then answers ephemerally through response_url', async () => {
    const run = await h.driver.slash({ text: `ask ${SUNSCREEN}` });
    expect(run.delivery.ackPayload).toEqual({});
    const response = await h.emu.waitForResponse(run.responseId);
    expect(response.params.response_type).toBe('ephemeral');
    expect(blockText(response.params.blocks)).toMatch(/two weeks/);
  });

  it('answers a "did you mean" button click in the same thread', async () => {
    await h.stop();
    h = await startSlackHarness({ mode: 'socket', core: withSuggestions });
    const asked = await h.driver.mention({ text: VAGUE_QUESTION });
    const offer = await h.emu.waitForCall('chat.postMessage', (c) => c.params.thread_ts === asked.ts);
    const mark = h.emu.log.mark();
    const clicked = await h.driver.click({ call: offer, pick: (b) => b.value === 'faq:sunscreen-two-weeks' });
    expect(clicked.delivery.ackPayload).toEqual({});
    const answer = await h.emu.waitForCall('chat.postMessage', (c) => c.seq >= mark);
    expect(answer.params.thread_ts).toBe(asked.ts);
    expect(blockText(answer.params.blocks)).toMatch(/two weeks/);
  });

  it('acks a slash command envelope before the core has answered', async () => {
    await h.stop();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    h = await startSlackHarness({
      mode: 'socket',
      core: (real) => ({ handle: async (m) => gate.then(() => real.handle(m)) }),
    });
    try {
      const run = await h.driver.slash({ text: 'topics' });
      expect(run.delivery.ackPayload).toEqual({});
      expect(h.emu.calls('response_url')).toHaveLength(0);
    } finally {
      release();
    }
    await h.emu.waitForCall('response_url');
  });

  it('reconnects when Slack sends disconnect, and keeps answering', async () => {
    await h.emu.socket.requestReconnect();
    expect(h.emu.socket.connectionCount).toBe(2);
    expect(h.emu.calls('apps.connections.open')).toHaveLength(2);
    const sent = await h.driver.dm({ text: SUNSCREEN });
    await h.emu.waitForCall('chat.postMessage', (c) => c.params.channel === sent.channel);
  });
});
