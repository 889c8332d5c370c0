import { createSlackAdapter, type SlackAdapter } from '../../adapters/slack/slack-adapter';
import type { Config } from '../../src/config/config-schema';
import { loadConfig } from '../../src/config/load-config';
import { BOT_USER_ID, GENERAL_CHANNEL, httpTransport, SignedClient, SlackDriver } from '../emulators/slack';
import { eventCallback } from '../emulators/slack/payloads';
import { FAST_TUNING, type SlackHarness, startSlackHarness } from '../adapters/slack/support/slack-harness';
import { LogCapture } from '../adapters/slack/support/log-capture';
import { describeWithPostgres } from '../support/postgres/test-schema';
import { createTestCore, type TestCore } from '../support/test-core';
import { STORE_KINDS, type TestDatabase } from '../store/support/store-kinds';

const postgres = STORE_KINDS.find((k) => k.name === 'postgres');

/**
 * Two Slack replicas behind a load balancer: each its own process state (core, adapter, HTTP port, pool), one
 * PostgreSQL database between them, one loopback Slack in front.
 */
describeWithPostgres()('two Slack replicas on one PostgreSQL database', () => {
  let db: TestDatabase;
  let a: SlackHarness;
  let b: { core: TestCore; adapter: SlackAdapter; driver: SlackDriver; http: SignedClient };
  beforeEach(async () => {
    db = await postgres!.database();
    const env = { ...db.env, SLACK_MODERATORS: 'U0BOB' };
    a = await startSlackHarness({ mode: 'http', env });
    const core = await createTestCore({ env });
    const config: Config = {
      ...loadConfig({ SLACK_BOT_TOKEN: a.emu.botToken, SLACK_API_URL: a.emu.apiUrl, SLACK_SIGNING_SECRET: a.emu.signingSecret, ...env }),
      PORT: 0,
    };
    const adapter = createSlackAdapter({
      config,
      core: core.core,
      logger: new LogCapture().logger,
      tuning: FAST_TUNING,
      firstSeen: (platform, eventId) => core.store.events.firstSeen(platform, eventId, Date.now()),
    });
    core.adapters.set('slack', adapter);
    await adapter.start();
    const http = new SignedClient(`http://127.0.0.1:${adapter.port}/slack/events`, a.emu.signingSecret);
    b = { core, adapter, driver: new SlackDriver(a.emu, httpTransport(http)), http };
  });
  afterEach(async () => {
    await b.adapter.stop();
    await b.core.cleanup();
    await a.stop();
    await db.cleanup();
  });

  it('answers an event delivered to both replicas once, and records the question once', async () => {
    const ts = '1700000000.000100';
    const wire = `<@${BOT_USER_ID}> does it hurt?`;
    a.emu.state.addMessage({ channel: GENERAL_CHANNEL, ts, user: 'U0ALICE', text: wire });
    const event = eventCallback({ type: 'app_mention', user: 'U0ALICE', text: wire, ts, channel: GENERAL_CHANNEL });
    // Slack retried (the first replica was slow to ack) and the load balancer sent the retry to the other one.
    const deliveries = await Promise.all([a.http!.postJson(event), b.http.postJson(event, { headers: { 'x-slack-retry-num': '1' } })]);
    expect(deliveries.map((d) => d.status)).toEqual([200, 200]);
    await a.emu.waitForCall('chat.postMessage', (c) => c.params.thread_ts === ts);
    // A later question through each replica: once both are answered, the repeat has long been dropped.
    for (const [driver, n] of [[a.driver, 2], [b.driver, 3]] as const) {
      const next = `1700000000.00010${n}`;
      a.emu.state.addMessage({ channel: GENERAL_CHANNEL, ts: next, user: 'U0ALICE', text: `<@${BOT_USER_ID}> how long does redness last?` });
      await driver.transport.deliver(
        'events_api',
        eventCallback({ type: 'app_mention', user: 'U0ALICE', text: `<@${BOT_USER_ID}> how long does redness last?`, ts: next, channel: GENERAL_CHANNEL }),
      );
      await a.emu.waitForCall('chat.postMessage', (c) => c.params.thread_ts === next);
    }
    expect(a.emu.calls('chat.postMessage').filter((c) => c.params.thread_ts === ts)).toHaveLength(1);
    expect(await db.rows(`SELECT COUNT(*) AS n FROM question_events`)).toEqual([{ n: 3 }]);
  });

  it('two moderators pinning the same entry at once, through different replicas: one message, one pin, one row', async () => {
    const [first, second] = await Promise.all([
      a.driver.slash({ text: 'faq pin pain-and-numbing', user: 'U0ADMIN' }),
      b.driver.slash({ text: 'faq pin pain-and-numbing', user: 'U0BOB' }),
    ]);
    const answers = await Promise.all([a.emu.waitForResponse(first.responseId), a.emu.waitForResponse(second.responseId)]);
    const texts = answers.map((r) => String(r.params.text));
    expect(texts.filter((t) => /^Pinned/.test(t))).toHaveLength(1);
    expect(a.emu.state.pinsOf(GENERAL_CHANNEL).size).toBe(1);
    // A message posted by the replica that lost the race is taken back down.
    const posted = a.emu.calls('chat.postMessage').length;
    const removed = a.emu.calls('chat.delete').length;
    expect(posted - removed).toBe(1);
    const rows = await db.rows<{ message_id: string }>(`SELECT message_id FROM faq_pins`);
    expect(rows).toEqual([{ message_id: [...a.emu.state.pinsOf(GENERAL_CHANNEL)][0] }]);
  });
});
