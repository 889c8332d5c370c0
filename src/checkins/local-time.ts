import { DateTime, IANAZone } from 'luxon';
import type { QuietHours } from '../config/config-schema';
import { boundedMemo } from '../matching/bounded-memo';

/** A local wall-clock time. */
export interface LocalTime {
  hour: number;
  minute: number;
}

export const DEFAULT_SEND_TIME: LocalTime = { hour: 9, minute: 0 };

export function minuteOfDay(time: LocalTime): number {
  return time.hour * 60 + time.minute;
}

export function timeOfMinute(minute: number): LocalTime {
  return { hour: Math.floor(minute / 60), minute: minute % 60 };
}

/** "09:00" */
export function formatClock(minute: number): string {
  const t = timeOfMinute(minute);
  return `${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')}`;
}

/** The canonical IANA name ("europe/berlin" → "Europe/Berlin"), or null when luxon does not know the zone. */
export function canonicalZone(name: string): string | null {
  if (!IANAZone.isValidZone(name)) return null;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/**
 * Quiet hours are [start, end) in local minutes; they may wrap midnight (21:00-08:00).
 * Equal start and end means no quiet hours.
 */
export function isQuietMinute(minute: number, quiet: QuietHours): boolean {
  const { startMinute: start, endMinute: end } = quiet;
  if (start === end) return false;
  return start < end ? minute >= start && minute < end : minute >= start || minute < end;
}

export function formatQuietHours(quiet: QuietHours): string {
  return `${formatClock(quiet.startMinute)}-${formatClock(quiet.endMinute)}`;
}

/** The user's local calendar date at `now`, YYYY-MM-DD. */
export function localDate(now: Date, zone: string): string {
  return DateTime.fromJSDate(now, { zone }).toISODate() as string;
}

const DAY_MS = 86_400_000;

/** Epoch ms of a YYYY-MM-DD date at 00:00 UTC, where every day has 24 hours: calendar arithmetic only. */
function utcDay(isoDate: string): number {
  return Date.UTC(Number(isoDate.slice(0, 4)), Number(isoDate.slice(5, 7)) - 1, Number(isoDate.slice(8, 10)));
}

/**
 * The zone's UTC offset (minutes) for the whole of one local calendar day, or null when it changes during that day
 * (a daylight-saving day). Asked of luxon, which stays the source of truth; remembered per zone and day because
 * planning a million subscriptions asks the same few thousand (zone, day) pairs millions of times, and luxon's
 * offset look-up (Intl formatting) is the slow part. Bounded: a flood of zones or dates cannot grow it for ever.
 */
const dayOffset = boundedMemo((key: string): number | null => {
  const [zone, isoDate] = key.split('|') as [string, string];
  const start = DateTime.fromISO(isoDate, { zone });
  if (!start.isValid) return null;
  const next = start.plus({ days: 1 });
  // Equal at both ends and at noon: no change in between (no zone changes twice in a day).
  const noon = start.set({ hour: 12 });
  return start.offset === next.offset && start.offset === noon.offset ? start.offset : null;
}, 100_000);

/** Where a local wall-clock time lands: its epoch ms and the local minute of the day it really is. */
export interface LocalMoment {
  at: number;
  /** The requested minute, or later when that time does not exist that day (spring forward: 02:30 → 03:30). */
  minute: number;
}

/**
 * A local wall-clock time on a local date in `zone`: exactly what luxon's
 * `DateTime.fromObject({ ...date, hour, minute }, { zone })` gives (a time that does not exist moves forward by the
 * gap, an ambiguous one takes luxon's choice), but from the remembered day offset when the day has one offset, so
 * luxon is asked once per zone and day instead of once per check-in. Null for a zone or date luxon refuses.
 */
export function atLocalTime(isoDate: string, time: LocalTime, zone: string): LocalMoment | null {
  const offset = dayOffset(`${zone}|${isoDate}`);
  if (offset !== null) return { at: utcDay(isoDate) + (time.hour * 60 + time.minute - offset) * 60_000, minute: minuteOfDay(time) };
  const local = DateTime.fromObject(
    { year: Number(isoDate.slice(0, 4)), month: Number(isoDate.slice(5, 7)), day: Number(isoDate.slice(8, 10)), hour: time.hour, minute: time.minute },
    { zone },
  );
  return local.isValid ? { at: local.toMillis(), minute: local.hour * 60 + local.minute } : null;
}

/** Calendar arithmetic on YYYY-MM-DD (remembered: planning asks the same few dates and steps again and again). */
export function addDays(isoDate: string, days: number): string {
  return shiftedDate(`${isoDate}|${days}`);
}

const shiftedDate = boundedMemo((key: string): string => {
  const [isoDate, days] = key.split('|') as [string, string];
  return new Date(utcDay(isoDate) + Number(days) * DAY_MS).toISOString().slice(0, 10);
}, 100_000);

/** Whole calendar days from a to b (b - a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((utcDay(b) - utcDay(a)) / DAY_MS);
}

/** "Thu 26 Nov 2026" */
export function formatLocalDate(isoDate: string): string {
  return DateTime.fromISO(isoDate, { zone: 'utc' }).setLocale('en-GB').toFormat('ccc d LLL yyyy');
}

/** "Thu 26 Nov 2026 at 09:00" in the given zone. */
export function formatLocalDateTime(at: number | Date, zone: string): string {
  return DateTime.fromMillis(typeof at === 'number' ? at : at.getTime(), { zone })
    .setLocale('en-GB')
    .toFormat("ccc d LLL yyyy 'at' HH:mm");
}
