import { ADVANCE_DEMO_ONLY, advanceOutsideDemo, createAdvanceCommand, parseAdvance } from '../../../adapters/shell/advance-command';
import { ManualClock, OffsetClock } from '../../../src/time/clock';

const HOUR = 3_600_000;

describe('/advance', () => {
  it('parses days, hours and minutes', () => {
    expect(parseAdvance('/advance 1d')).toEqual({ ok: true, ms: 24 * HOUR, label: '1d' });
    expect(parseAdvance('/advance 6h')).toEqual({ ok: true, ms: 6 * HOUR, label: '6h' });
    expect(parseAdvance('/advance 2d12h')).toEqual({ ok: true, ms: 60 * HOUR, label: '2d12h' });
    expect(parseAdvance('/ADVANCE 2d 12h 30m')).toEqual({ ok: true, ms: 60.5 * HOUR, label: '2d12h30m' });
    expect(parseAdvance('/advance 45m')).toEqual({ ok: true, ms: 45 * 60_000, label: '45m' });
  });

  it('is not /advance unless the line says so, and explains bad amounts', () => {
    expect(parseAdvance('advance 1d')).toBeNull();
    expect(parseAdvance('how do I advance')).toBeNull();
    for (const bad of ['/advance', '/advance 1', '/advance 1w', '/advance -1d', '/advance 0h', '/advance 61d', '/advance 1h2d']) {
      expect(parseAdvance(bad)).toEqual({ ok: false, error: expect.stringMatching(/^Usage: \/advance 1d/) });
    }
  });

  it('ticks at every check-in due on the way, in order, each finished before the next, then at the new time', async () => {
    const clock = new OffsetClock(new ManualClock(new Date('2026-03-28T10:00:00Z')));
    const due = ['2026-03-28T12:00:00Z', '2026-03-29T08:00:00Z', '2026-03-29T08:00:00Z', '2026-03-30T09:00:00Z'].map((d) => Date.parse(d));
    const ticks: string[] = [];
    let running = 0;
    const advance = createAdvanceCommand({
      clock,
      tick: async (now) => {
        // A tick that started before the last one finished would find its rows still leased.
        expect(running).toBe(0);
        running++;
        ticks.push(now.toISOString());
        await new Promise<void>((resolve) => setImmediate(resolve));
        running--;
        const sent = due.filter((d) => d === now.getTime()).length;
        return { sent, expired: 0 };
      },
      nextDue: async (after, until) => due.find((d) => d > after && d <= until) ?? null,
      zone: 'Europe/Berlin',
    });
    expect(advance.localCommand('hello')).toBeNull();
    expect(await advance.localCommand('/advance 1d')).toBe(
      '[clock moved on 1d: it is now Sun 29 Mar 2026 at 12:00 (Europe/Berlin). 3 check-ins sent (shown above).]',
    );
    expect(clock.now().toISOString()).toBe('2026-03-29T10:00:00.000Z');
    expect(ticks).toEqual(['2026-03-28T12:00:00.000Z', '2026-03-29T08:00:00.000Z', '2026-03-29T10:00:00.000Z']);
    expect(advance.localCommand('/advance soon')).toMatch(/^Usage/);
    expect(await advance.localCommand('/advance 30m')).toMatch(/No check-ins were due\.\]$/);
    expect(ticks).toHaveLength(4);
    await advance.idle();
  });

  it('outside the demo only says where /advance lives', () => {
    expect(advanceOutsideDemo('/advance 1d')).toBe(ADVANCE_DEMO_ONLY);
    expect(advanceOutsideDemo('how do I advance')).toBeNull();
  });
});
