import { DateTime } from 'luxon';
import { isQuietMinute } from '../../src/checkins/local-time';
import { planCheckins, sendMinuteFor } from '../../src/checkins/plan-checkins';
import { loadKnowledge } from '../../src/knowledge/load-knowledge';
import { KNOWLEDGE_DIR } from '../support/test-core';
import { testPlan } from './support/checkin-fixtures';

const QUIET = { startMinute: 21 * 60, endMinute: 8 * 60 }; // 21:00-08:00
const NONE = { startMinute: 0, endMinute: 0 };
const WEEK = [0, 1, 2, 3, 4, 5, 6, 7];

function isoZ(d: Date): string {
  return d.toISOString().replace('.000', '');
}

function local(d: Date, zone: string): string {
  return DateTime.fromJSDate(d, { zone }).toFormat("yyyy-MM-dd'T'HH:mm ZZ");
}

describe('planCheckins across daylight-saving changes', () => {
  it('keeps 09:00 local in Europe/Berlin over the last Sunday of March (CET → CEST)', () => {
    const plan = planCheckins({ treatmentDate: '2026-03-26', time: { hour: 9, minute: 0 }, zone: 'Europe/Berlin', checkins: testPlan(WEEK), quietHours: QUIET });
    expect(plan.items.map((i) => isoZ(i.dueAt))).toEqual([
      '2026-03-26T08:00:00Z',
      '2026-03-27T08:00:00Z',
      '2026-03-28T08:00:00Z',
      '2026-03-29T07:00:00Z', // Sunday 29 March: clocks went forward at 02:00
      '2026-03-30T07:00:00Z',
      '2026-03-31T07:00:00Z',
      '2026-04-01T07:00:00Z',
      '2026-04-02T07:00:00Z',
    ]);
    for (const item of plan.items) expect(local(item.dueAt, 'Europe/Berlin')).toMatch(/T09:00/);
    // The UTC gap over the change is 23 hours, otherwise 24.
    expect(plan.items[3]!.dueAt.getTime() - plan.items[2]!.dueAt.getTime()).toBe(23 * 3_600_000);
  });

  it('keeps 09:00 local in Europe/Berlin over the last Sunday of October (CEST → CET)', () => {
    const plan = planCheckins({ treatmentDate: '2026-10-22', time: { hour: 9, minute: 0 }, zone: 'Europe/Berlin', checkins: testPlan(WEEK), quietHours: QUIET });
    expect(plan.items.map((i) => isoZ(i.dueAt))).toEqual([
      '2026-10-22T07:00:00Z',
      '2026-10-23T07:00:00Z',
      '2026-10-24T07:00:00Z',
      '2026-10-25T08:00:00Z', // Sunday 25 October: clocks went back at 03:00
      '2026-10-26T08:00:00Z',
      '2026-10-27T08:00:00Z',
      '2026-10-28T08:00:00Z',
      '2026-10-29T08:00:00Z',
    ]);
    expect(plan.items[3]!.dueAt.getTime() - plan.items[2]!.dueAt.getTime()).toBe(25 * 3_600_000);
  });

  it('keeps 18:30 local in America/New_York over the second Sunday of March and the first of November', () => {
    const spring = planCheckins({ treatmentDate: '2026-03-05', time: { hour: 18, minute: 30 }, zone: 'America/New_York', checkins: testPlan(WEEK), quietHours: QUIET });
    expect(spring.items.slice(2, 5).map((i) => isoZ(i.dueAt))).toEqual([
      '2026-03-07T23:30:00Z', // EST, UTC-5
      '2026-03-08T22:30:00Z', // EDT, UTC-4 from Sunday 8 March
      '2026-03-09T22:30:00Z',
    ]);
    const autumn = planCheckins({ treatmentDate: '2026-10-29', time: { hour: 18, minute: 30 }, zone: 'America/New_York', checkins: testPlan(WEEK), quietHours: QUIET });
    expect(autumn.items.slice(2, 5).map((i) => isoZ(i.dueAt))).toEqual([
      '2026-10-31T22:30:00Z', // EDT
      '2026-11-01T23:30:00Z', // EST from Sunday 1 November
      '2026-11-02T23:30:00Z',
    ]);
    for (const item of [...spring.items, ...autumn.items]) expect(local(item.dueAt, 'America/New_York')).toMatch(/T18:30/);
  });

  it('plans the real knowledge-pack plan on the local dates of its days, with each window', () => {
    const { checkins } = loadKnowledge(KNOWLEDGE_DIR);
    const plan = planCheckins({ treatmentDate: '2026-10-20', time: { hour: 9, minute: 0 }, zone: 'Europe/Berlin', checkins, quietHours: QUIET });
    expect(plan.items).toHaveLength(checkins.length);
    for (const item of plan.items) {
      const at = DateTime.fromJSDate(item.dueAt, { zone: 'Europe/Berlin' });
      expect(at.toISODate()).toBe(DateTime.fromISO('2026-10-20').plus({ days: item.checkin.day }).toISODate());
      expect(at.toFormat('HH:mm')).toBe('09:00');
      // The window is the check-in's own, cut at 21:00 when the quiet hours begin (12 hours after 09:00).
      expect(item.expiresAt.getTime() - item.dueAt.getTime()).toBe(Math.min(item.checkin.sendWithinHours, 12) * 3_600_000);
    }
  });

  it('moves a time that does not exist (spring forward) by the gap, and takes the later offset for a repeated one', () => {
    const gap = planCheckins({ treatmentDate: '2026-03-29', time: { hour: 2, minute: 30 }, zone: 'Europe/Berlin', checkins: testPlan([0]), quietHours: NONE });
    expect(local(gap.items[0]!.dueAt, 'Europe/Berlin')).toBe('2026-03-29T03:30 +02:00');
    const repeated = planCheckins({ treatmentDate: '2026-10-25', time: { hour: 2, minute: 30 }, zone: 'Europe/Berlin', checkins: testPlan([0]), quietHours: NONE });
    expect(isoZ(repeated.items[0]!.dueAt)).toBe('2026-10-25T01:30:00Z');
  });
});

describe('quiet hours', () => {
  it('knows which minutes are quiet, across midnight and within a day', () => {
    expect(isQuietMinute(21 * 60, QUIET)).toBe(true);
    expect(isQuietMinute(23 * 60 + 59, QUIET)).toBe(true);
    expect(isQuietMinute(0, QUIET)).toBe(true);
    expect(isQuietMinute(7 * 60 + 59, QUIET)).toBe(true);
    expect(isQuietMinute(8 * 60, QUIET)).toBe(false);
    expect(isQuietMinute(20 * 60 + 59, QUIET)).toBe(false);
    const lunch = { startMinute: 12 * 60, endMinute: 13 * 60 };
    expect(isQuietMinute(12 * 60 + 30, lunch)).toBe(true);
    expect(isQuietMinute(13 * 60, lunch)).toBe(false);
    expect(isQuietMinute(3 * 60, NONE)).toBe(false);
  });

  it('moves a preferred time inside quiet hours to the minute they end, on the same day; never sends in them', () => {
    expect(sendMinuteFor({ hour: 22, minute: 0 }, QUIET)).toEqual({ minute: 8 * 60, moved: true });
    expect(sendMinuteFor({ hour: 7, minute: 59 }, QUIET)).toEqual({ minute: 8 * 60, moved: true });
    expect(sendMinuteFor({ hour: 20, minute: 59 }, QUIET)).toEqual({ minute: 20 * 60 + 59, moved: false });
    for (const zone of ['Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Pacific/Chatham']) {
      for (const hour of [0, 3, 6, 8, 12, 20, 21, 23]) {
        const plan = planCheckins({ treatmentDate: '2026-03-25', time: { hour, minute: 15 }, zone, checkins: testPlan(WEEK), quietHours: QUIET });
        for (const item of plan.items) {
          const at = DateTime.fromJSDate(item.dueAt, { zone });
          expect(isQuietMinute(at.hour * 60 + at.minute, QUIET)).toBe(false);
          expect(at.toISODate()).toBe(item.localDate);
        }
      }
    }
    const late = planCheckins({ treatmentDate: '2026-03-25', time: { hour: 22, minute: 0 }, zone: 'Europe/Berlin', checkins: testPlan([1]), quietHours: QUIET });
    expect(late.movedOutOfQuietHours).toBe(true);
    expect(local(late.items[0]!.dueAt, 'Europe/Berlin')).toBe('2026-03-26T08:00 +01:00');
  });

  it('puts a daylight-saving shift that lands in quiet hours at their end', () => {
    const q = { startMinute: 3 * 60, endMinute: 5 * 60 };
    const plan = planCheckins({ treatmentDate: '2026-03-29', time: { hour: 2, minute: 30 }, zone: 'Europe/Berlin', checkins: testPlan([0, 1]), quietHours: q });
    expect(plan.items.map((i) => local(i.dueAt, 'Europe/Berlin'))).toEqual(['2026-03-29T05:00 +02:00', '2026-03-30T02:30 +02:00']);
  });

  it('closes a check-in’s send window when the quiet hours begin, so a late send never lands at night', () => {
    const evening = planCheckins({ treatmentDate: '2026-03-25', time: { hour: 20, minute: 30 }, zone: 'Europe/Berlin', checkins: testPlan([1, 2], 12), quietHours: QUIET });
    for (const item of evening.items) {
      expect(local(item.expiresAt, 'Europe/Berlin')).toMatch(/T21:00 /);
      expect(item.expiresAt.getTime() - item.dueAt.getTime()).toBe(30 * 60_000);
    }
    const morning = planCheckins({ treatmentDate: '2026-03-25', time: { hour: 9, minute: 0 }, zone: 'Europe/Berlin', checkins: testPlan([1], 6), quietHours: QUIET });
    expect(morning.items[0]!.expiresAt.getTime() - morning.items[0]!.dueAt.getTime()).toBe(6 * 3_600_000);
    const noQuiet = planCheckins({ treatmentDate: '2026-03-25', time: { hour: 20, minute: 30 }, zone: 'Europe/Berlin', checkins: testPlan([1], 12), quietHours: NONE });
    expect(noQuiet.items[0]!.expiresAt.getTime() - noQuiet.items[0]!.dueAt.getTime()).toBe(12 * 3_600_000);
  });
});
