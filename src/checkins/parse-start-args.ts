import { DateTime } from 'luxon';
import { canonicalZone, type LocalTime } from './local-time';

/** The treatment date as typed: relative to the user's local today, or a calendar date. */
export type DateSpec = { kind: 'relative'; offsetDays: number; word: string } | { kind: 'absolute'; isoDate: string };

/** What "checkins start …" said, each part optional, in any order. */
export interface StartArgs {
  date?: DateSpec;
  time?: LocalTime;
  zone?: string;
}

export type ParseStartResult = { ok: true; args: StartArgs } | { ok: false; error: string };

export const START_EXAMPLE = 'checkins start 2026-11-20 9am Europe/Berlin';

// A Map, not an object: the words are the user's, and "constructor" must not find Object.prototype's.
const RELATIVE = new Map<string, number>([
  ['today', 0],
  ['yesterday', -1],
  ['tomorrow', 1],
]);
/** Words people put between the parts ("today at 9"); they carry nothing. */
const FILLER = new Set(['at', 'on', 'in', 'from', 'my', 'treatment', 'was', 'date', 'time', 'zone', 'timezone', 'tz']);
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_LIKE = /^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}$/;
const CLOCK_24 = /^(\d{1,2})(?:[:h.](\d{2}))?$/;
const CLOCK_12 = /^(\d{1,2})(?::(\d{2}))?(am|pm|a\.m\.|p\.m\.)$/;

/**
 * A local time as people type it: "9", "09", "09:00", "21:30", "9.30", "9am", "9:30pm", "12am" (midnight).
 * Returns null when the token is not a time, 'invalid' when it looks like one but is not (25:00, 13pm).
 */
export function parseLocalTime(token: string): LocalTime | 'invalid' | null {
  const t = token.toLowerCase();
  const twelve = CLOCK_12.exec(t);
  if (twelve) {
    const h = Number(twelve[1]);
    const m = Number(twelve[2] ?? '0');
    if (h < 1 || h > 12 || m > 59) return 'invalid';
    const pm = twelve[3]!.startsWith('p');
    return { hour: (h % 12) + (pm ? 12 : 0), minute: m };
  }
  const clock = CLOCK_24.exec(t);
  if (clock) {
    const h = Number(clock[1]);
    const m = Number(clock[2] ?? '0');
    if (h > 23 || m > 59) return 'invalid';
    return { hour: h, minute: m };
  }
  return null;
}

/** A calendar date YYYY-MM-DD: the ISO string when real, 'invalid' for 2026-02-30, null when not date-shaped. */
export function parseIsoDate(token: string): string | 'invalid' | null {
  const m = ISO_DATE.exec(token);
  if (!m) return DATE_LIKE.test(token) ? 'invalid' : null;
  const d = DateTime.fromObject({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }, { zone: 'utc' });
  return d.isValid ? token : 'invalid';
}

/** The parts of "checkins start" as typed: a slash command's options, or the words sorted by `sortStartWords`. */
export interface StartFields {
  date?: string | undefined;
  hour?: string | undefined;
  timezone?: string | undefined;
}

export type SortStartResult = { ok: true; fields: StartFields } | { ok: false; error: string };

const CLOCK_SHAPE = /^\d{1,2}(?:[:h.]\d{2})?(?:am|pm|a\.m\.|p\.m\.)?$/i;
const ZONE_SHAPE = /\/|^(?:utc|gmt)$/i;

/** Which part a word stands for, by its shape alone (whether it is a real date, time or zone is read later). */
function partOf(token: string): keyof StartFields | null {
  if (RELATIVE.has(token.toLowerCase()) || ISO_DATE.test(token) || DATE_LIKE.test(token)) return 'date';
  if (CLOCK_SHAPE.test(token)) return 'hour';
  if (ZONE_SHAPE.test(token)) return 'timezone';
  return null;
}

const TWO_OF: Record<keyof StartFields, (token: string) => string> = {
  date: (token) => `I found two treatment dates ("${token}" and another). Give one, for example: ${START_EXAMPLE}`,
  hour: (token) => `I found two times ("${token}" and another). Give one hour, such as 9am.`,
  timezone: (token) => `I found two time zones ("${token}" and another). Give one.`,
};

/**
 * Sorts the words after "checkins start" into the treatment date, the local hour and the time zone, which may
 * come in any order; filler words ("at", "on") are dropped. Every error says what to type instead.
 */
export function sortStartWords(text: string): SortStartResult {
  // "9 am" → "9am" so a time is one token.
  const joined = text.trim().replace(/(\d)\s+(am|pm|a\.m\.|p\.m\.)(?![a-z])/gi, '$1$2');
  const fields: StartFields = {};
  for (const raw of joined.split(/[\s,]+/).filter((t) => t.length > 0)) {
    const token = /[ap]\.m\.$/i.test(raw) ? raw : raw.replace(/[.!]+$/, '');
    if (FILLER.has(token.toLowerCase())) continue;
    const part = partOf(token);
    if (part === null) {
      return {
        ok: false,
        error: `I didn't understand "${token}". Give the treatment date (today, yesterday or YYYY-MM-DD), the hour and the time zone, in any order, for example: ${START_EXAMPLE}`,
      };
    }
    if (fields[part] !== undefined) return { ok: false, error: TWO_OF[part](token) };
    fields[part] = token;
  }
  return { ok: true, fields };
}

/** The treatment date: a word relative to the user's today, or a calendar date. */
function readDate(typed: string): DateSpec | string {
  const word = typed.toLowerCase();
  const offsetDays = RELATIVE.get(word);
  if (offsetDays !== undefined) return { kind: 'relative', offsetDays, word };
  const date = parseIsoDate(typed);
  if (date !== null && date !== 'invalid') return { kind: 'absolute', isoDate: date };
  return `"${typed}" is not a date I can use. Write the treatment date as YYYY-MM-DD (a real calendar date), "today" or "yesterday", for example: ${START_EXAMPLE}`;
}

/**
 * Reads each part of "checkins start" (typed options or sorted words): the date, the local time, the IANA zone.
 * Pure; every error says what to type instead.
 */
export function readStartFields(fields: StartFields): ParseStartResult {
  const args: StartArgs = {};
  if (fields.date !== undefined) {
    const date = readDate(fields.date.trim());
    if (typeof date === 'string') return { ok: false, error: date };
    args.date = date;
  }
  if (fields.hour !== undefined) {
    const hour = fields.hour.replace(/\s+/g, '');
    const time = parseLocalTime(hour);
    if (time === null || time === 'invalid') {
      return { ok: false, error: `"${fields.hour.trim()}" is not a time of day. Use a local hour such as 9, 09:00, 9am or 18:30.` };
    }
    args.time = time;
  }
  if (fields.timezone !== undefined) {
    const typed = fields.timezone.trim();
    const zone = canonicalZone(typed);
    if (!zone) {
      return { ok: false, error: `I don't know the time zone "${typed}". Use an IANA name such as Europe/Berlin, America/New_York or Asia/Tokyo.` };
    }
    args.zone = zone;
  }
  return { ok: true, args };
}

/** The words after "checkins start", sorted into their parts and read. */
export function parseStartArgs(text: string): ParseStartResult {
  const sorted = sortStartWords(text);
  return sorted.ok ? readStartFields(sorted.fields) : sorted;
}
