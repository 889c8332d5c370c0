import { DateTime } from 'luxon';
import type { Clock } from '../../src/time/clock';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Far enough for the whole two-week plan and then some. */
const MAX_ADVANCE = 60 * DAY;

export const ADVANCE_USAGE = 'Usage: /advance 1d, /advance 6h, /advance 2d12h or /advance 30m (days, hours, minutes; up to 60 days).';

/** What the terminal chat says to /advance outside the demo, where time is real and the database too. */
export const ADVANCE_DEMO_ONLY =
  '/advance moves time in the demo only (npm run demo, or node dist/src/main.js --demo), which keeps its own throwaway database.';

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

/** What one scheduler tick did, as far as /advance reports it. */
export interface AdvanceTickResult {
  sent: number;
  expired: number;
}

export interface AdvanceCommandDeps {
  /** The app's clock (an OffsetClock in the demo): /advance moves it forward. */
  clock: Clock & { advance(ms: number): void };
  /** Runs a scheduler tick at `now`, resolving once every row it claimed is marked (the shell prints as it sends). */
  tick(now: Date): Promise<AdvanceTickResult>;
  /** The earliest pending check-in due after `after` and at most `until` (epoch ms), or null. */
  nextDue(after: number, until: number): Promise<number | null>;
  /** Zone to show the new time in. */
  zone: string;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * The demo's "/advance": fast-forwards the clock, so a person can watch two weeks of check-ins in a minute. The
 * cron task would have ticked all along the way, so a tick runs at each check-in's due time in order, each
 * finished before the next (a jump never expires what a running bot would have sent), then one at the new time.
 * Plug `localCommand` into the ShellAdapter.
 */
export function createAdvanceCommand(deps: AdvanceCommandDeps): { localCommand(line: string): string | null | Promise<string>; idle(): Promise<void> } {
  let last: Promise<unknown> = Promise.resolve();

  async function run(ms: number, label: string): Promise<string> {
    const target = deps.clock.now().getTime() + ms;
    const total: AdvanceTickResult = { sent: 0, expired: 0 };
    const tickAt = async (at: number) => {
      deps.clock.advance(at - deps.clock.now().getTime());
      const result = await deps.tick(deps.clock.now());
      total.sent += result.sent;
      total.expired += result.expired;
    };
    // Each step moves strictly forward (due > now), so this ends.
    for (let due = await deps.nextDue(deps.clock.now().getTime(), target); due !== null; due = await deps.nextDue(due, target)) await tickAt(due);
    await tickAt(target);
    const when = DateTime.fromMillis(target, { zone: deps.zone }).setLocale('en-GB').toFormat("ccc d LLL yyyy 'at' HH:mm");
    const sent = total.sent === 0 ? 'No check-ins were due.' : `${plural(total.sent, 'check-in')} sent (shown above).`;
    const expired = total.expired === 0 ? '' : ` ${plural(total.expired, 'check-in')} expired (past the send window).`;
    return `[clock moved on ${label}: it is now ${when} (${deps.zone}). ${sent}${expired}]`;
  }

  return {
    localCommand(line) {
      const parsed = parseAdvance(line);
      if (parsed === null) return null;
      if (!parsed.ok) return parsed.error;
      const running = run(parsed.ms, parsed.label);
      last = running.catch(() => undefined);
      return running;
    },
    async idle() {
      await last;
    },
  };
}

/** Outside the demo, /advance only says where it lives. */
export function advanceOutsideDemo(line: string): string | null {
  return parseAdvance(line) === null ? null : ADVANCE_DEMO_ONLY;
}
