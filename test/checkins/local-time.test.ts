import { DateTime } from 'luxon';
import { addDays, atLocalTime } from '../../src/checkins/local-time';

/** luxon's own answer, which the remembered day offsets must always give back. */
function luxon(isoDate: string, hour: number, minute: number, zone: string): { at: number; minute: number } {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  const local = DateTime.fromObject({ year, month, day, hour, minute }, { zone });
  return { at: local.toMillis(), minute: local.hour * 60 + local.minute };
}

describe('atLocalTime (day offsets remembered per zone and day)', () => {
  it('gives 09:00 Berlin in summer its summer offset after a winter day of the same zone was asked first', () => {
    expect(new Date(atLocalTime('2026-01-15', { hour: 9, minute: 0 }, 'Europe/Berlin')!.at).toISOString()).toBe('2026-01-15T08:00:00.000Z');
    expect(new Date(atLocalTime('2026-07-15', { hour: 9, minute: 0 }, 'Europe/Berlin')!.at).toISOString()).toBe('2026-07-15T07:00:00.000Z');
    // And back: the summer answer did not stick to the zone either.
    expect(new Date(atLocalTime('2026-01-16', { hour: 9, minute: 0 }, 'Europe/Berlin')!.at).toISOString()).toBe('2026-01-16T08:00:00.000Z');
  });

  it('on the day of a change, before and after the change, matches luxon (including a time that does not exist)', () => {
    // Berlin, 29 March 2026: 02:00 CET → 03:00 CEST. 01:30 is still winter, 02:30 does not exist, 09:00 is summer.
    expect(atLocalTime('2026-03-29', { hour: 1, minute: 30 }, 'Europe/Berlin')).toEqual(luxon('2026-03-29', 1, 30, 'Europe/Berlin'));
    expect(atLocalTime('2026-03-29', { hour: 2, minute: 30 }, 'Europe/Berlin')).toEqual({ at: Date.parse('2026-03-29T01:30:00Z'), minute: 3 * 60 + 30 });
    expect(new Date(atLocalTime('2026-03-29', { hour: 9, minute: 0 }, 'Europe/Berlin')!.at).toISOString()).toBe('2026-03-29T07:00:00.000Z');
    // New York, 1 November 2026: 01:30 happens twice; luxon's choice stands.
    expect(atLocalTime('2026-11-01', { hour: 1, minute: 30 }, 'America/New_York')).toEqual(luxon('2026-11-01', 1, 30, 'America/New_York'));
  });

  it('agrees with luxon on every day of a year, at several times, in zones with and without daylight saving', () => {
    const zones = ['Europe/Berlin', 'America/New_York', 'Australia/Sydney', 'Asia/Kolkata', 'America/Sao_Paulo', 'Pacific/Chatham', 'UTC'];
    const times = [
      [0, 0],
      [2, 30],
      [9, 0],
      [21, 0],
      [23, 59],
    ] as const;
    for (const zone of zones) {
      for (let d = 0; d < 366; d++) {
        const date = addDays('2026-01-01', d);
        for (const [hour, minute] of times) expect(atLocalTime(date, { hour, minute }, zone)).toEqual(luxon(date, hour, minute, zone));
      }
    }
  });

  it('refuses a zone luxon does not know', () => {
    expect(atLocalTime('2026-03-29', { hour: 9, minute: 0 }, 'Mars/Olympus_Mons')).toBeNull();
  });
});
