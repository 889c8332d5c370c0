import { parseIsoDate, parseLocalTime, parseStartArgs } from '../../src/checkins/parse-start-args';

describe('parseLocalTime', () => {
  it.each([
    ['9', 9, 0],
    ['09', 9, 0],
    ['09:00', 9, 0],
    ['9:05', 9, 5],
    ['21:30', 21, 30],
    ['9.30', 9, 30],
    ['9am', 9, 0],
    ['9AM', 9, 0],
    ['9:30pm', 21, 30],
    ['12am', 0, 0],
    ['12pm', 12, 0],
    ['0', 0, 0],
  ])('%s → %i:%i', (text, hour, minute) => {
    expect(parseLocalTime(text)).toEqual({ hour, minute });
  });

  it('flags impossible times and ignores what is not a time', () => {
    for (const bad of ['24', '25:00', '9:60', '13pm', '0am']) expect(parseLocalTime(bad)).toBe('invalid');
    for (const other of ['today', 'Europe/Berlin', '2026', '930']) expect(parseLocalTime(other)).toBeNull();
  });
});

describe('parseIsoDate', () => {
  it('accepts real calendar dates only', () => {
    expect(parseIsoDate('2026-11-20')).toBe('2026-11-20');
    expect(parseIsoDate('2028-02-29')).toBe('2028-02-29');
    expect(parseIsoDate('2026-02-30')).toBe('invalid');
    expect(parseIsoDate('2026-02-29')).toBe('invalid');
    expect(parseIsoDate('2026-13-01')).toBe('invalid');
    expect(parseIsoDate('20/11/2026')).toBe('invalid');
    expect(parseIsoDate('today')).toBeNull();
  });
});

describe('parseStartArgs', () => {
  it('takes date, hour and zone in any order', () => {
    const expected = { date: { kind: 'absolute', isoDate: '2026-11-20' }, time: { hour: 9, minute: 0 }, zone: 'Europe/Berlin' };
    expect(parseStartArgs('2026-11-20 9 Europe/Berlin')).toEqual({ ok: true, args: expected });
    expect(parseStartArgs('Europe/Berlin 9am 2026-11-20')).toEqual({ ok: true, args: expected });
    expect(parseStartArgs('9 am, europe/berlin, on 2026-11-20.')).toEqual({ ok: true, args: expected });
  });

  it('takes relative dates and nothing at all', () => {
    expect(parseStartArgs('yesterday at 21:30')).toEqual({
      ok: true,
      args: { date: { kind: 'relative', offsetDays: -1, word: 'yesterday' }, time: { hour: 21, minute: 30 } },
    });
    expect(parseStartArgs('today')).toEqual({ ok: true, args: { date: { kind: 'relative', offsetDays: 0, word: 'today' } } });
    expect(parseStartArgs('')).toEqual({ ok: true, args: {} });
    expect(parseStartArgs('UTC')).toEqual({ ok: true, args: { zone: 'UTC' } });
  });

  it('explains an invalid date, an unknown zone, a bad time and stray words', () => {
    const invalid = parseStartArgs('2026-02-30 9');
    expect(invalid).toEqual({ ok: false, error: expect.stringMatching(/"2026-02-30" is not a date/) });
    const zone = parseStartArgs('today Mars/Olympus_Mons');
    expect(zone).toEqual({ ok: false, error: expect.stringMatching(/don't know the time zone "Mars\/Olympus_Mons".*Europe\/Berlin/) });
    expect(parseStartArgs('today 25:00')).toEqual({ ok: false, error: expect.stringMatching(/not a time of day/) });
    expect(parseStartArgs('today please')).toEqual({ ok: false, error: expect.stringMatching(/didn't understand "please"/) });
    expect(parseStartArgs('today yesterday')).toEqual({ ok: false, error: expect.stringMatching(/two treatment dates/) });
    expect(parseStartArgs('9 10')).toEqual({ ok: false, error: expect.stringMatching(/two times/) });
  });
});
