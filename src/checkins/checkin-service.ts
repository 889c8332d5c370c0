import type { CoreDeps } from '../conversation/core-deps';
import type { IncomingMessage } from '../conversation/incoming-message';
import { infoReply, type Reply } from '../conversation/reply';
import type { Address } from '../platform/adapter';
import { buildGuidanceReply, checkinAction, findOption, parseCheckinAction } from './checkin-message';
import {
  addDays,
  canonicalZone,
  DEFAULT_SEND_TIME,
  daysBetween,
  formatClock,
  formatLocalDate,
  formatLocalDateTime,
  formatQuietHours,
  localDate,
} from './local-time';
import { bestEffortWrite } from '../store/write-faults';
import { looksLikeQuestion, matchOption } from './match-option';
import { START_EXAMPLE, readStartFields, type StartFields } from './parse-start-args';
import { planCheckins } from './plan-checkins';
import { describeTopics, listWords } from './plan-summary';

/** A treatment further back than this gets no plan: the two-week window is over. */
export const MAX_DAYS_AGO = 14;
/** A treatment further ahead than this is more likely a typo than a plan. */
export const MAX_DAYS_AHEAD = 90;
/** A plain-word reply counts as an answer to a check-in sent at most this long ago. */
export const ANSWER_WINDOW_MS = 48 * 3_600_000;

export type CheckinDeps = Pick<CoreDeps, 'settings' | 'knowledge' | 'store' | 'clock' | 'logger'>;

/** In a channel (a slash command), only the user should see their check-in business. */
function reply(message: IncomingMessage, text: string, extra: Partial<Reply> = {}): Reply {
  return infoReply(text, { ephemeral: !message.channel.isDirect, ...extra });
}

function problem(message: IncomingMessage, text: string): Reply {
  return reply(message, `${text}\nNo check-ins were set up.`, { kind: 'error' });
}

/** A way to DM the user later: a DM channel id only when the message came from one. */
export function addressOf(message: IncomingMessage): Address {
  const address: Address = { platform: message.platform, userId: message.user.id };
  if (message.channel.isDirect) address.channelId = message.channel.id;
  if (message.channel.teamId) address.teamId = message.channel.teamId;
  return address;
}

/**
 * "checkins start [date] [hour] [timezone]": opts the user in, replacing any earlier plan.
 * Zone: the platform profile's (Slack), else the one typed, else DEFAULT_TIMEZONE.
 */
export async function startCheckins(deps: CheckinDeps, message: IncomingMessage, fields: StartFields): Promise<Reply> {
  const parsed = readStartFields(fields);
  if (!parsed.ok) return problem(message, parsed.error);
  const { args } = parsed;
  const plan = deps.knowledge.knowledge.checkins;

  const profileZone = message.user.timezone ? canonicalZone(message.user.timezone) : null;
  const zone = profileZone ?? args.zone ?? deps.settings.defaultTimezone;
  const now = deps.clock.now();
  const today = localDate(now, zone);
  const treatmentDate =
    args.date === undefined ? today : args.date.kind === 'relative' ? addDays(today, args.date.offsetDays) : args.date.isoDate;
  const age = daysBetween(treatmentDate, today);
  if (age > MAX_DAYS_AGO) {
    return problem(
      message,
      `${formatLocalDate(treatmentDate)} is ${age} days ago. Check-ins cover the first ${MAX_DAYS_AGO} days after a treatment, so they would already be over. For a new treatment, type for example: checkins start today`,
    );
  }
  if (-age > MAX_DAYS_AHEAD) {
    return problem(
      message,
      `${formatLocalDate(treatmentDate)} is more than ${MAX_DAYS_AHEAD} days ahead. Give the date of your treatment (YYYY-MM-DD), for example: ${START_EXAMPLE}`,
    );
  }

  const planned = planCheckins({
    treatmentDate,
    time: args.time ?? DEFAULT_SEND_TIME,
    zone,
    checkins: plan,
    quietHours: deps.settings.quietHours,
  });
  const upcoming = planned.items.filter((item) => item.dueAt.getTime() > now.getTime());
  if (upcoming.length === 0) {
    return problem(message, `Every check-in for a treatment on ${formatLocalDate(treatmentDate)} would be in the past.`);
  }

  const subs = deps.store.checkins.subscriptions;
  const previous = await subs.get(message.platform, message.user.id);
  await subs.replace(
    {
      platform: message.platform,
      userId: message.user.id,
      address: addressOf(message),
      treatmentDate,
      sendMinute: planned.sendMinute,
      timezone: zone,
    },
    upcoming.map((item) => ({ checkinId: item.checkin.id, dueAt: item.dueAt.getTime(), expiresAt: item.expiresAt.getTime() })),
    now.getTime(),
  );

  const first = upcoming[0]!;
  const last = upcoming[upcoming.length - 1]!;
  const clock = formatClock(planned.sendMinute);
  const checkins = upcoming.map((item) => item.checkin);
  const lines = [
    previous && previous.status === 'active' ? 'Check-ins are on (this replaces your earlier plan).' : 'Check-ins are on.',
    `What: ${upcoming.length} short direct ${upcoming.length === 1 ? 'message' : 'messages'} from the aftercare guide: ${describeTopics(checkins)}.`,
    `How often: one message on ${upcoming.length === 1 ? 'day' : 'each of days'} ${listWords(checkins.map((c) => c.day))} after your treatment on ${formatLocalDate(treatmentDate)}, at ${clock} (${zone}).`,
    `Until: ${formatLocalDate(last.localDate)}. The first one comes ${formatLocalDateTime(first.dueAt, zone)}.`,
    'Answer each with a button or a few words ("still red", "peeling") and I will send the matching guidance.',
    'To stop: type "stop", or press "Stop check-ins" on any check-in. "status" shows what comes next; "forget me" deletes everything I have stored about you.',
  ];
  const notes: string[] = [];
  if (args.date === undefined) notes.push(`I took today as the treatment date; for another day type for example: checkins start ${addDays(today, -1)}`);
  if (planned.movedOutOfQuietHours && args.time) {
    notes.push(
      `${formatClock(args.time.hour * 60 + args.time.minute)} is inside the quiet hours (${formatQuietHours(deps.settings.quietHours)}), when I never send anything, so check-ins go out at ${clock} instead.`,
    );
  }
  const skipped = planned.items.length - upcoming.length;
  if (skipped > 0) notes.push(`${skipped} earlier ${skipped === 1 ? 'check-in is' : 'check-ins are'} already past and skipped.`);
  if (profileZone) {
    notes.push(
      args.zone && args.zone !== profileZone
        ? `Time zone ${profileZone} comes from your profile (it is used instead of ${args.zone}).`
        : `Time zone ${profileZone} comes from your profile.`,
    );
  } else if (!args.zone) {
    notes.push(`${zone} is the default time zone; to use yours add it, for example: checkins start today 9am America/New_York`);
  }
  return reply(message, [...lines, ...notes.map((n) => `Note: ${n}`)].join('\n'));
}

/** "checkins status": the next check-in in local time and how many remain. */
export async function checkinStatus(deps: CheckinDeps, message: IncomingMessage): Promise<Reply> {
  const store = deps.store.checkins;
  const sub = await store.subscriptions.get(message.platform, message.user.id);
  if (!sub) {
    return reply(message, 'You have no check-ins. Type "checkins start" (or "subscribe" in a direct message) to get them.');
  }
  const head = `Treatment on ${formatLocalDate(sub.treatmentDate)}; check-ins at ${formatClock(sub.sendMinute)} (${sub.timezone}).`;
  if (sub.status === 'stopped') {
    return reply(message, `You stopped your check-ins. ${head}\nType "checkins start" to start again.`);
  }
  if (sub.status === 'paused') {
    const mark = await store.unreachable.get(message.platform, message.user.id);
    const when = mark ? ` on ${formatLocalDateTime(mark.markedAt, sub.timezone)}` : '';
    return reply(
      message,
      `Your check-ins are paused: I could not send you a direct message${when}. Allow direct messages from me, then type "checkins start" to plan them again. ${head}`,
    );
  }
  const rows = await store.scheduled.forSubscription(sub.id);
  const open = rows.filter((r) => r.status === 'pending' || r.status === 'sending');
  const sent = rows.filter((r) => r.status === 'sent').length;
  if (open.length === 0) {
    return reply(message, `Your check-ins are complete (${sent} sent). ${head}\nType "checkins start" after your next treatment.`);
  }
  const next = open[0]!;
  const topic = deps.knowledge.knowledge.checkins.find((c) => c.id === next.checkinId)?.topic;
  const lastDue = open[open.length - 1]!.dueAt;
  return reply(
    message,
    [
      `Your check-ins are on. ${head}`,
      `Next: ${formatLocalDateTime(next.dueAt, sub.timezone)}${topic ? ` (${topic})` : ''}.`,
      `${open.length} remaining, the last on ${formatLocalDateTime(lastDue, sub.timezone)}; ${sent} sent so far.`,
      'Type "stop" to end them.',
    ].join('\n'),
  );
}

/** "stop", "unsubscribe", the Stop button: effective at once. */
export async function stopCheckins(deps: CheckinDeps, message: IncomingMessage): Promise<Reply> {
  const result = await deps.store.checkins.subscriptions.stop(message.platform, message.user.id, deps.clock.now().getTime());
  if (!result || result.previous === 'stopped') {
    return reply(message, 'You have no check-ins running, so there is nothing to stop. (To start them: "checkins start".)');
  }
  return reply(
    message,
    `Check-ins stopped. I cancelled ${result.cancelled} remaining ${result.cancelled === 1 ? 'check-in' : 'check-ins'}; nothing more will be sent. ` +
      'Type "checkins start" to start again, or "forget me" to delete everything I have stored about you.',
  );
}

/** A check-in button: the chosen option's guidance (recorded as an answer). */
export async function answerCheckinButton(deps: CheckinDeps, message: IncomingMessage, value: string): Promise<Reply> {
  const parsed = parseCheckinAction(value);
  const store = deps.store.checkins;
  const row = parsed ? await store.scheduled.get(parsed.scheduledId) : null;
  const sub = row ? await store.subscriptions.getById(row.subscriptionId) : null;
  if (!parsed || !row || !sub || sub.platform !== message.platform || sub.userId !== message.user.id) {
    return reply(message, 'That check-in is no longer active. Type "status" to see your check-ins.', { kind: 'error' });
  }
  // A button is only shown by a sent check-in; an action naming one not yet sent is forged or guessed.
  if (row.status !== 'sent' || row.sentAt === null) {
    return reply(message, 'That check-in has not been sent yet. Type "status" to see when it comes.', { kind: 'error' });
  }
  const checkin = deps.knowledge.knowledge.checkins.find((c) => c.id === row.checkinId);
  const option = checkin ? findOption(checkin, parsed.option) : null;
  if (!checkin || !option) {
    return reply(message, 'That answer is no longer in the check-in plan. Ask me in your own words instead.', { kind: 'error' });
  }
  // The guidance (an escalation included) goes out whether or not the answer could be stored.
  await bestEffortWrite(deps, 'check-in answer', () =>
    store.responses.record({
      scheduledId: row.id,
      subscriptionId: sub.id,
      checkinId: checkin.id,
      optionId: option.id,
      via: 'button',
      respondedAt: deps.clock.now().getTime(),
    }),
  );
  return buildGuidanceReply(deps.knowledge.knowledge, option);
}

/** Check-in answers are a few words; longer text is a question. */
const MAX_ANSWER_LENGTH = 200;

/**
 * A plain-word answer ("still red", "peeling", "worse") in a DM to the check-in most recently sent, when one is
 * awaiting an answer. Returns null when the text is not such an answer, so it is treated as a question:
 * questions ("is peeling normal?"), words that pick no option, and warning signs (the red-flag rules answer those).
 */
export async function answerCheckinText(deps: CheckinDeps, message: IncomingMessage, text: string): Promise<Reply | null> {
  if (!message.channel.isDirect || text.length > MAX_ANSWER_LENGTH || looksLikeQuestion(text)) return null;
  const store = deps.store.checkins;
  const sub = await store.subscriptions.get(message.platform, message.user.id);
  if (sub?.status !== 'active') return null;
  const now = deps.clock.now().getTime();
  const row = await store.scheduled.latestDelivered(sub.id, now);
  if (!row || now - (row.sentAt ?? row.dueAt) > ANSWER_WINDOW_MS) return null;
  const checkin = deps.knowledge.knowledge.checkins.find((c) => c.id === row.checkinId);
  if (!checkin || checkin.options.length === 0) return null;
  const match = matchOption(checkin, text);
  if (match.kind === 'none') return null;
  if (deps.knowledge.matcher.match(text).kind === 'escalation') return null;
  if (match.kind === 'ambiguous') {
    const buttons = match.options.map((o) => ({
      label: o.label,
      action: checkinAction(row.id, o, checkin.options.indexOf(o)),
      style: 'secondary' as const,
    }));
    return reply(message, 'Which one fits best? Tap one:', { buttons });
  }
  await bestEffortWrite(deps, 'check-in answer', () =>
    store.responses.record({
      scheduledId: row.id,
      subscriptionId: sub.id,
      checkinId: checkin.id,
      optionId: match.option.id,
      via: 'text',
      respondedAt: now,
    }),
  );
  return buildGuidanceReply(deps.knowledge.knowledge, match.option);
}
