import { DateTime } from 'luxon';
import type { Clock } from '../../src/time/clock';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Far enough for the whole two-week plan and then some. */
const MAX_ADVANCE = 60 * DAY;

export const ADVANCE_USAGE = 'Usage: /advance 1d, /advance 6h, /advance 2d12h or /advance 30m (days, hours, minutes; up to 60 days).';

export type AdvanceParse = { ok: true; ms: number; label: string } | { ok: false; error: string };

/** "/advance 2d12h" → 2.5 days in ms. Null when the line is not /advance at all. */
export function parseAdvance(line: string): AdvanceParse | null {
  const m = /^\/advance(?:\s+(.*))?$/i.exec(line.trim());
  if (!m) return null;
  const arg = (m[1] ?? '').replace(/\s+/g, '').toLowerCase();
  const parts = /^(?:(\d{1,3})d)?(?:(\d{1,4})h)?(?:(\d{1,5})m)?$/.exec(arg);
  if (!arg || !parts) return { ok: false, error: ADVANCE_USAGE };
  const [days, hours, minutes] = [parts[1], parts[2], parts[3]].map((p) => Number(p ?? '0')) as [number, number, number];
  const ms = days * DAY + hours * HOUR + minutes * MINUTE;
  if (ms <= 0 || ms > MAX_ADVANCE) return { ok: false, error: ADVANCE_USAGE };
  const label = [days ? `${days}d` : '', hours ? `${hours}h` : '', minutes ? `${minutes}m` : ''].join('');
  return { ok: true, ms, label };
}

export interface AdvanceCommandDeps {
  /** The app's clock (an OffsetClock in `npm start`): /advance moves it forward. */
  clock: Clock & { advance(ms: number): void };
  /**
   * Runs a scheduler tick at once. Unpaced sends (the shell) start before it returns, so the check-ins print
   * right away; `claimed` says how many went out.
   */
  tick(now: Date): { claimed: number; done: Promise<unknown> };
  /** Zone to show the new time in. */
  zone: string;
}

/**
 * The shell's "/advance": fast-forwards the clock and ticks the scheduler, so a person can watch two weeks of
 * check-ins in a minute. Plug `localCommand` into the ShellAdapter; `idle()` resolves when the last tick is done.
 */
export function createAdvanceCommand(deps: AdvanceCommandDeps): { localCommand(line: string): string | null; idle(): Promise<void> } {
  let last: Promise<unknown> = Promise.resolve();
  return {
    localCommand(line) {
      const parsed = parseAdvance(line);
      if (parsed === null) return null;
      if (!parsed.ok) return parsed.error;
      deps.clock.advance(parsed.ms);
      const now = deps.clock.now();
      const { claimed, done } = deps.tick(now);
      last = done.catch(() => undefined);
      const when = DateTime.fromJSDate(now, { zone: deps.zone }).setLocale('en-GB').toFormat("ccc d LLL yyyy 'at' HH:mm");
      const sent = claimed === 0 ? 'No check-ins were due.' : `${claimed} check-in${claimed === 1 ? '' : 's'} due (shown above).`;
      return `[clock moved on ${parsed.label}: it is now ${when} (${deps.zone}). ${sent}]`;
    },
    async idle() {
      await last;
    },
  };
}
