import { createAdvanceCommand, parseAdvance } from '../../../adapters/shell/advance-command';
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

  it('moves the clock, ticks at the new time and reports it; other lines pass through', async () => {
    const clock = new OffsetClock(new ManualClock(new Date('2026-03-28T10:00:00Z')));
    const ticks: Date[] = [];
    const advance = createAdvanceCommand({
      clock,
      tick: (now) => {
        ticks.push(now);
        return { claimed: 2, done: Promise.resolve() };
      },
      zone: 'Europe/Berlin',
    });
    expect(advance.localCommand('hello')).toBeNull();
    expect(advance.localCommand('/advance 1d')).toBe(
      '[clock moved on 1d: it is now Sun 29 Mar 2026 at 12:00 (Europe/Berlin). 2 check-ins due (shown above).]',
    );
    expect(clock.now().toISOString()).toBe('2026-03-29T10:00:00.000Z');
    expect(ticks.map((d) => d.toISOString())).toEqual(['2026-03-29T10:00:00.000Z']);
    expect(advance.localCommand('/advance soon')).toMatch(/^Usage/);
    expect(ticks).toHaveLength(1);
    await advance.idle();
  });
});
