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

/**
 * Parses the words after "checkins start": the treatment date (today, yesterday, tomorrow, YYYY-MM-DD), the
 * local hour and an IANA time zone, in any order. Pure; every error says what to type instead.
 */
export function parseStartArgs(text: string): ParseStartResult {
  // "9 am" → "9am" so a time is one token.
  const joined = text.trim().replace(/(\d)\s+(am|pm|a\.m\.|p\.m\.)(?![a-z])/gi, '$1$2');
  const tokens = joined.split(/[\s,]+/).filter((t) => t.length > 0);
  const args: StartArgs = {};
  for (const raw of tokens) {
    const token = /[ap]\.m\.$/i.test(raw) ? raw : raw.replace(/[.!]+$/, '');
    const lower = token.toLowerCase();
    if (FILLER.has(lower)) continue;
    const offsetDays = RELATIVE.get(lower);
    if (offsetDays !== undefined) {
      if (args.date) return { ok: false, error: `I found two treatment dates ("${token}" and another). Give one, for example: ${START_EXAMPLE}` };
      args.date = { kind: 'relative', offsetDays, word: lower };
      continue;
    }
    const date = parseIsoDate(token);
    if (date === 'invalid') {
      return {
        ok: false,
        error: `"${token}" is not a date I can use. Write the treatment date as YYYY-MM-DD (a real calendar date), "today" or "yesterday", for example: ${START_EXAMPLE}`,
      };
    }
    if (date !== null) {
      if (args.date) return { ok: false, error: `I found two treatment dates ("${token}" and another). Give one, for example: ${START_EXAMPLE}` };
      args.date = { kind: 'absolute', isoDate: date };
      continue;
    }
    const time = parseLocalTime(token);
    if (time === 'invalid') {
      return { ok: false, error: `"${token}" is not a time of day. Use a local hour such as 9, 09:00, 9am or 18:30.` };
    }
    if (time !== null) {
      if (args.time) return { ok: false, error: `I found two times ("${token}" and another). Give one hour, such as 9am.` };
      args.time = time;
      continue;
    }
    if (token.includes('/') || /^(utc|gmt|etc\/.+)$/i.test(token)) {
      const zone = canonicalZone(token);
      if (!zone) {
        return {
          ok: false,
          error: `I don't know the time zone "${token}". Use an IANA name such as Europe/Berlin, America/New_York or Asia/Tokyo.`,
        };
      }
      if (args.zone) return { ok: false, error: `I found two time zones ("${token}" and another). Give one.` };
      args.zone = zone;
      continue;
    }
    return {
      ok: false,
      error: `I didn't understand "${token}". Give the treatment date (today, yesterday or YYYY-MM-DD), the hour and the time zone, in any order, for example: ${START_EXAMPLE}`,
    };
  }
  return { ok: true, args };
}
