import type { QuietHours } from '../config/config-schema';
import type { Checkin } from '../knowledge/knowledge-schema';
import { addDays, atLocalTime, isQuietMinute, type LocalMoment, type LocalTime, minuteOfDay, timeOfMinute } from './local-time';

export interface PlanInput {
  /** The treatment's local calendar date, YYYY-MM-DD. */
  treatmentDate: string;
  /** The preferred local time of day. */
  time: LocalTime;
  /** IANA zone the date and time are in. */
  zone: string;
  /** The plan from the knowledge pack. */
  checkins: readonly Checkin[];
  quietHours: QuietHours;
}

export interface PlannedCheckin {
  checkin: Checkin;
  /** The local calendar date it is sent on. */
  localDate: string;
  dueAt: Date;
  /** Past this it is expired instead of sent: dueAt + sendWithinHours, or the next quiet hours if sooner. */
  expiresAt: Date;
}

export interface CheckinPlan {
  /** The local minute of the day every check-in goes out. */
  sendMinute: number;
  /** True when the preferred time fell in the quiet hours and was moved to their end. */
  movedOutOfQuietHours: boolean;
  items: PlannedCheckin[];
}

/**
 * Where a preferred time lands: unchanged, or, inside the quiet hours, moved to the minute they end
 * (the first allowed time) on the same calendar day. We move rather than refuse so that opting in always
 * works; the confirmation says so.
 */
export function sendMinuteFor(preferred: LocalTime, quiet: QuietHours): { minute: number; moved: boolean } {
  const minute = minuteOfDay(preferred);
  return isQuietMinute(minute, quiet) ? { minute: quiet.endMinute, moved: true } : { minute, moved: false };
}

/**
 * The due times, in UTC, of every check-in in the plan. Pure.
 *
 * Each check-in is due on (treatment date + its day) at the send time, on the local wall clock of `zone`, so
 * it keeps its local hour across daylight-saving changes (the UTC gap between two check-ins is then 23 or 25
 * hours). A local time that does not exist that day (spring forward) is moved forward by the gap, as luxon
 * does (02:30 → 03:30); an ambiguous one (fall back) takes luxon's choice, the later offset. If such a shift
 * lands in the quiet hours, it goes to their end instead.
 */
export function planCheckins(input: PlanInput): CheckinPlan {
  const { minute: sendMinute, moved } = sendMinuteFor(input.time, input.quietHours);
  const time = timeOfMinute(sendMinute);
  const items = input.checkins.map((checkin): PlannedCheckin => {
    const localDate = addDays(input.treatmentDate, checkin.day);
    let local = atLocalTime(localDate, time, input.zone);
    if (!local) throw new Error(`cannot plan ${checkin.id} on ${localDate} in ${input.zone}: not a valid date and time zone`);
    if (isQuietMinute(local.minute, input.quietHours)) local = atLocalTime(localDate, timeOfMinute(input.quietHours.endMinute), input.zone)!;
    const windowEnd = local.at + checkin.sendWithinHours * 3_600_000;
    return { checkin, localDate, dueAt: new Date(local.at), expiresAt: new Date(Math.min(windowEnd, nextQuietStart(localDate, local, input))) };
  });
  items.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
  return { sendMinute, movedOutOfQuietHours: moved, items };
}

/**
 * Epoch ms of the first quiet-hours start after `local` (on `localDate`): a check-in late after downtime (or
 * retried) must not go out at night, so its window closes there. No quiet hours (start = end): never.
 */
function nextQuietStart(localDate: string, local: LocalMoment, input: PlanInput): number {
  const quiet = input.quietHours;
  if (quiet.startMinute === quiet.endMinute) return Number.POSITIVE_INFINITY;
  const start = timeOfMinute(quiet.startMinute);
  const sameDay = atLocalTime(localDate, start, input.zone)!;
  return sameDay.at > local.at ? sameDay.at : atLocalTime(addDays(localDate, 1), start, input.zone)!.at;
}
