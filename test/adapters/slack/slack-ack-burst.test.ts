import { BOT_USER_ID, GENERAL_CHANNEL } from '../../emulators/slack';
import { eventCallback } from '../../emulators/slack/payloads';
import { type SlackHarness, startSlackHarness } from './support/slack-harness';

const BURST = 300;

/** Rejects with `what` if `promise` has not settled by then: a guard against a hang, not a wait. */
function guard<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(what)), ms);
  });
  return Promise.race([promise, expired]).finally(() => clearTimeout(timer));
}

/**
 * Issue 11 #2: under load 142 of 300 acks took over 3 s, so Slack would have retried them. Slack needs the ack
 * within 3 s whatever the answer costs: the bot acks, then works. Here every answer is held until all 300 events
 * of a burst are acked; a bot that worked before acking (Bolt's processBeforeResponse, an ack after the reply)
 * never acks one of them. Times are not asserted here: `npm run bench` measures them.
 */
describe.each(['http', 'socket'] as const)(`Slack %s mode: a burst of ${BURST} events`, (mode) => {
  let h: SlackHarness;
  let release!: () => void;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  let arrived = 0;
  let allArrived!: () => void;
  const everyoneArrived = new Promise<void>((resolve) => {
    allArrived = resolve;
  });

  beforeEach(async () => {
    h = await startSlackHarness({
      mode,
      // Every event admitted (the bound on pending events is the flood test's subject).
      env: { MAX_PENDING_EVENTS: String(BURST) },
      core: (real) => ({
        handle: async (message) => {
          if (++arrived === BURST) allArrived();
          await held;
          return real.handle(message);
        },
      }),
    });
    for (let i = 0; i < BURST; i++) h.emu.state.addUser({ id: `UBURST${i}`, name: `burst${i}`, tz: 'UTC' });
  });
  afterEach(async () => {
    // Stopping waits for answers in progress: a failed test must not leave them held.
    release();
    await h.stop();
  });

  it('acks every event before any answer is worked out, then answers each once', async () => {
    const events = Array.from({ length: BURST }, (_, i) => {
      const ts = `1700000001.${String(i).padStart(6, '0')}`;
      const text = `<@${BOT_USER_ID}> does it hurt?`;
      h.emu.state.addMessage({ channel: GENERAL_CHANNEL, ts, user: `UBURST${i}`, text });
      return { ts, payload: eventCallback({ type: 'app_mention', user: `UBURST${i}`, text, ts, channel: GENERAL_CHANNEL }) };
    });
    const ackedAt = new Map<string, number>();
    const deliveries = events.map(async ({ ts, payload }) => {
      const delivery = await h.driver.transport.deliver('events_api', payload);
      ackedAt.set(ts, h.emu.calls().length);
      return delivery.status;
    });
    const statuses = await guard(Promise.all(deliveries), 15_000, `only ${ackedAt.size} of ${BURST} events were acked while their answers were held`);
    expect(statuses.every((s) => s === 200)).toBe(true);
    // Every ack came back while no answer had been sent.
    expect(h.emu.calls('chat.postMessage')).toHaveLength(0);

    await everyoneArrived;
    release();
    await h.testCore.core.idle();
    const replies = h.emu.calls('chat.postMessage');
    expect(replies).toHaveLength(BURST);
    expect(new Set(replies.map((c) => c.params.thread_ts))).toEqual(new Set(events.map((e) => e.ts)));
    // Each event's ack came before its reply (acks are stamped with the emulator's call count at the time).
    for (const reply of replies) expect(ackedAt.get(String(reply.params.thread_ts))).toBeLessThanOrEqual(reply.seq);
  }, 60_000);
});
