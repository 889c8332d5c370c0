import { BOT_USER_ID, GENERAL_CHANNEL } from '../../emulators/slack';
import { eventCallback } from '../../emulators/slack/payloads';
import { type SlackHarness, startSlackHarness } from './support/slack-harness';

/** A mention posted in the emulated channel, and the one event_callback Slack would (re)deliver for it. */
function mentionPayload(h: SlackHarness, ts: string, text: string) {
  const wire = `<@${BOT_USER_ID}> ${text}`;
  h.emu.state.addMessage({ channel: GENERAL_CHANNEL, ts, user: 'U0ALICE', text: wire });
  return eventCallback({ type: 'app_mention', user: 'U0ALICE', text: wire, ts, channel: GENERAL_CHANNEL });
}

/** Issue 11 #2 (Slack): a retried or replayed event is answered once. */
describe.each(['http', 'socket'] as const)('Slack %s mode: one answer per event_id', (mode) => {
  let h: SlackHarness;
  beforeEach(async () => {
    h = await startSlackHarness({ mode });
  });
  afterEach(() => h.stop());

  it('answers an event once however often Slack delivers it', async () => {
    const first = mentionPayload(h, '1700000000.000100', 'does it hurt?');
    await h.driver.transport.deliver('events_api', first);
    await h.emu.waitForCall('chat.postMessage', (c) => c.params.thread_ts === '1700000000.000100');
    // Slack's redeliveries of the same event (HTTP carries x-slack-retry-num), and a plain replay.
    if (h.http) {
      for (const n of ['1', '2']) {
        const retry = await h.http.postJson(first, { headers: { 'x-slack-retry-num': n, 'x-slack-retry-reason': 'http_timeout' } });
        expect(retry.status).toBe(200);
      }
    }
    await h.driver.transport.deliver('events_api', first);
    // A new event after the repeats: once it is answered, the repeats have long been handled (dropped).
    await h.driver.transport.deliver('events_api', mentionPayload(h, '1700000000.000200', 'how long does redness last?'));
    await h.emu.waitForCall('chat.postMessage', (c) => c.params.thread_ts === '1700000000.000200');
    expect(h.seen.map((m) => m.text)).toEqual(['does it hurt?', 'how long does redness last?']);
    expect(h.emu.calls('chat.postMessage').filter((c) => c.params.thread_ts === '1700000000.000100')).toHaveLength(1);
  });
});
