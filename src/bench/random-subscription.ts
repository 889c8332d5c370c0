import { addDays } from '../checkins/local-time';
import { type CheckinPlan, planCheckins } from '../checkins/plan-checkins';
import type { Knowledge } from '../knowledge/knowledge-schema';

/** The zones the check-in benches spread subscriptions over. */
export const BENCH_ZONES = ['Europe/Berlin', 'America/New_York', 'Asia/Tokyo', 'Australia/Sydney', 'America/Los_Angeles', 'Asia/Kolkata', 'UTC', 'America/Sao_Paulo'];
const QUIET = { startMinute: 21 * 60, endMinute: 8 * 60 };

/**
 * One subscription as "checkins start" would plan it: the i-th bench zone, a treatment date in the two weeks up to
 * `today` (that zone's date, YYYY-MM-DD), a local send time 08:00-20:59, drawn from `random`.
 */
export function planRandomSubscription(knowledge: Knowledge, random: () => number, i: number, today: (zone: string) => string) {
  const zone = BENCH_ZONES[i % BENCH_ZONES.length]!;
  const treatmentDate = addDays(today(zone), -Math.floor(random() * 14));
  const plan: CheckinPlan = planCheckins({
    treatmentDate,
    time: { hour: 8 + Math.floor(random() * 13), minute: Math.floor(random() * 60) },
    zone,
    checkins: knowledge.checkins,
    quietHours: QUIET,
  });
  return { zone, treatmentDate, plan };
}
