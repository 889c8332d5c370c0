import type { IncomingMessage } from '../../../src/conversation/incoming-message';
import { APOLOGY } from '../../../src/conversation/middleware/error-boundary';
import { SLOW_DOWN } from '../../../src/conversation/middleware/rate-limit';
import type { Reply } from '../../../src/conversation/reply';
import { useWrapper } from '../../support/core-wrapper';
import { createTestCore, type TestCore } from '../../support/test-core';

function message(text: string, extra: Partial<IncomingMessage> = {}): IncomingMessage {
  return { platform: 'slack', user: { id: 'U1' }, channel: { id: 'C1', isDirect: false }, text, isModerator: false, ...extra };
}

/** Dispatches like an adapter: what was sent, and what the apology path got. */
async function dispatch(t: TestCore, m: IncomingMessage, failSend = 0) {
  const sent: Reply[] = [];
  const apologies: Reply[] = [];
  await t.core.dispatch(m, {
    event: 'test',
    send: async (reply) => {
      if (failSend-- > 0) throw new Error('platform refused the answer');
      sent.push(reply);
    },
    apologize: async (reply) => {
      apologies.push(reply);
    },
  });
  return { sent, apologies };
}

describe('core pipeline', () => {
  let t: TestCore;
  beforeEach(async () => {
    t = await createTestCore();
  });
  afterEach(() => t.cleanup());

  it('answers a failing handler with the apology, privately, and keeps serving', async () => {
    let failures = 1;
    useWrapper(t.core, (real) => ({
      handle: async (m) => {
        if (failures-- > 0) throw new Error('boom');
        return real.handle(m);
      },
    }));
    const first = await dispatch(t, message('does it hurt'));
    expect(first.sent).toEqual([]);
    expect(first.apologies.map((r) => [r.text, r.ephemeral])).toEqual([[APOLOGY, true]]);
    expect((await dispatch(t, message('does it hurt'))).sent[0]?.kind).toBe('answer');
  });

  it('apologises when the platform refuses the answer itself', async () => {
    const { sent, apologies } = await dispatch(t, message('does it hurt'), 1);
    expect(sent).toEqual([]);
    expect(apologies.map((r) => r.text)).toEqual([APOLOGY]);
  });

  it('still answers when the question record cannot be written', async () => {
    jest.spyOn(t.store.questions, 'record').mockImplementation(() => {
      throw new Error('disk full');
    });
    const { sent, apologies } = await dispatch(t, message('does it hurt'));
    expect(sent[0]?.kind).toBe('answer');
    expect(apologies).toEqual([]);
    expect(t.store.questions.record).toHaveBeenCalledTimes(1);
  });

  it('limits one person to a burst, refills with time, and leaves others alone', async () => {
    const kinds: string[] = [];
    // The defaults: 5 at once, then one every 6 seconds.
    for (let i = 0; i < 6; i++) kinds.push((await t.core.handle(message('topics'))).text === SLOW_DOWN ? 'limited' : 'answered');
    expect(kinds.filter((k) => k === 'answered')).toHaveLength(5);
    expect(kinds[5]).toBe('limited');
    expect((await t.core.handle(message('topics', { user: { id: 'U2' } }))).text).not.toBe(SLOW_DOWN);
    t.clock.advance(5999);
    // Still limited, and already told: silence.
    const sent: unknown[] = [];
    await t.core.dispatch(message('topics'), { event: 'test', send: async (reply) => void sent.push(reply) });
    expect(sent).toEqual([]);
    t.clock.advance(1);
    expect((await t.core.handle(message('topics'))).text).not.toBe(SLOW_DOWN);
    // The terminal's one user runs the bot: never limited.
    for (let i = 0; i < 25; i++) expect((await t.core.handle(message('topics', { platform: 'shell' }))).text).not.toBe(SLOW_DOWN);
  });

  it('makes declared private answers private outside a direct message only', async () => {
    expect((await t.core.handle(message('checkins status'))).ephemeral).toBe(true);
    expect((await t.core.handle(message('checkins status', { channel: { id: 'D1', isDirect: true } }))).ephemeral).toBe(false);
    expect((await t.core.handle(message('topics'))).ephemeral).toBe(false);
  });

  it('checks declared preconditions: moderator commands refuse, DM-only words are a question elsewhere', async () => {
    const refused = await t.core.handle(message('faq stats'));
    expect([refused.kind, refused.ephemeral]).toEqual(['refusal', true]);
    expect((await t.core.handle(message('faq stats', { isModerator: true }))).text).toMatch(/Last 7 days/);
    const inChannel = await t.core.handle(message('subscribe'));
    expect(inChannel.text).not.toMatch(/Check-ins are on/);
    expect(await t.store.checkins.subscriptions.count()).toBe(0);
    const inDm = await t.core.handle(message('subscribe', { channel: { id: 'D1', isDirect: true } }));
    expect(inDm.text).toMatch(/Check-ins are on/);
  });
});
