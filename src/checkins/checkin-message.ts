import type { Reply, ReplyButton } from '../conversation/reply';
import { infoReply } from '../conversation/reply';
import type { Checkin, CheckinOption, Knowledge } from '../knowledge/knowledge-schema';

/** Button actions: `checkin:<scheduledId>:<optionId>` answers a check-in; `checkins:stop` stops them all. */
export const CHECKIN_ACTION_PREFIX = 'checkin:';
export const STOP_ACTION = 'checkins:stop';
export const STOP_ACTION_PREFIX = 'checkins:';
/** Reply.buttons actions must stay within 90 characters. */
const MAX_ACTION_LENGTH = 90;

export function checkinAction(scheduledId: number, option: CheckinOption, index: number): string {
  const byId = `${CHECKIN_ACTION_PREFIX}${scheduledId}:${option.id}`;
  // Option ids have no length limit in the schema; fall back to the option's position.
  return byId.length <= MAX_ACTION_LENGTH ? byId : `${CHECKIN_ACTION_PREFIX}${scheduledId}:#${index}`;
}

/** The value after the prefix: "<scheduledId>:<optionId or #index>". */
export function parseCheckinAction(value: string): { scheduledId: number; option: string } | null {
  const m = /^(\d{1,15}):(.+)$/.exec(value);
  if (!m) return null;
  return { scheduledId: Number(m[1]), option: m[2]! };
}

export function findOption(checkin: Checkin, option: string): CheckinOption | null {
  if (option.startsWith('#')) return checkin.options[Number(option.slice(1))] ?? null;
  return checkin.options.find((o) => o.id === option) ?? null;
}

export const STOP_BUTTON: ReplyButton = { label: 'Stop check-ins', action: STOP_ACTION, style: 'danger' };

/** The DM for one scheduled check-in: the plan's message, a button per option, and Stop. */
export function buildCheckinReply(checkin: Checkin, scheduledId: number): Reply {
  const hint =
    checkin.options.length > 0
      ? 'Tap a button or answer in a word or two. Type "stop" to end check-ins.'
      : 'Type "stop" to end check-ins.';
  return infoReply(`${checkin.message}\n\n${hint}`, {
    buttons: [
      ...checkin.options.map((option, i) => ({
        label: option.label,
        action: checkinAction(scheduledId, option, i),
        style: 'secondary' as const,
      })),
      STOP_BUTTON,
    ],
  });
}

/**
 * The answer to a check-in option: its guidance from the knowledge pack, with its sources. An escalating
 * option answers with the pack's escalation text first, then the guidance.
 */
export function buildGuidanceReply(knowledge: Knowledge, option: CheckinOption): Reply {
  if (option.escalate) {
    return infoReply(`${knowledge.escalation}\n\n${option.guidance}`, {
      kind: 'escalation',
      sources: [...option.sources],
      disclaimer: knowledge.disclaimer,
    });
  }
  return infoReply(option.guidance, { sources: [...option.sources], disclaimer: knowledge.disclaimer });
}
