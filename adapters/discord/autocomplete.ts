import type { ApplicationCommandOptionChoiceData } from 'discord.js';
import type { ConversationCore } from '../../src/conversation/conversation-core';
import type { AutocompleteSource } from './slash-commands';

/** Discord shows at most 25 choices; a choice's name and value are 1-100 characters each. */
export const MAX_CHOICES = 25;
const MAX_CHOICE_TEXT = 100;

export interface AutocompleteRequest {
  core: ConversationCore;
  channelId: string;
  /** What the person has typed into the option so far. */
  typed: string;
  isModerator: boolean;
  /** DEFAULT_TIMEZONE: offered first when nothing is typed into a time zone. */
  defaultTimezone: string;
}

type Choice = ApplicationCommandOptionChoiceData<string>;

function clip(text: string): string {
  return text.length > MAX_CHOICE_TEXT ? `${text.slice(0, MAX_CHOICE_TEXT - 1).trimEnd()}…` : text;
}

/** The choices for an autocompleted option: at most 25, each shown as "id — question" with the id as its value. */
export async function autocompleteChoices(source: AutocompleteSource, request: AutocompleteRequest): Promise<Choice[]> {
  switch (source) {
    case 'faq-entries':
    case 'faq-pinned': {
      const topics =
        (await request.core.topicChoices?.({
          platform: 'discord',
          channelId: request.channelId,
          typed: request.typed,
          scope: source === 'faq-pinned' ? 'pinned' : 'entries',
          isModerator: request.isModerator,
          limit: MAX_CHOICES,
        })) ?? [];
      return topics
        .filter((t) => t.id.length > 0 && t.id.length <= MAX_CHOICE_TEXT)
        .slice(0, MAX_CHOICES)
        .map((t) => ({ name: clip(`${t.id} — ${t.question}`), value: t.id }));
    }
    case 'time-zones':
      return timeZoneChoices(request.typed, request.defaultTimezone);
  }
}

/** Offered before anything is typed: the configured default, then zones many people live in. */
const COMMON_ZONES = [
  'UTC',
  'Europe/London',
  'Europe/Berlin',
  'Europe/Paris',
  'America/New_York',
  'America/Chicago',
  'America/Denver',
  'America/Los_Angeles',
  'America/Toronto',
  'America/Sao_Paulo',
  'Asia/Tokyo',
  'Asia/Singapore',
  'Asia/Kolkata',
  'Australia/Sydney',
];

let allZones: readonly string[] | null = null;
function zones(): readonly string[] {
  // The ICU list lacks "UTC" and may carry older names (Asia/Calcutta); the core accepts any IANA name.
  allZones ??= [...new Set([...Intl.supportedValuesOf('timeZone'), ...COMMON_ZONES])].sort();
  return allZones;
}

/** IANA zones containing what was typed ("berlin", "new york", "america/"), city matches first. */
export function timeZoneChoices(typed: string, defaultTimezone: string): Choice[] {
  const wanted = typed.trim().toLowerCase().replace(/\s+/g, '_');
  let picked: string[];
  if (wanted === '') {
    picked = [...new Set([defaultTimezone, ...COMMON_ZONES])];
  } else {
    const rank = (zone: string): number => {
      const lower = zone.toLowerCase();
      const city = lower.slice(lower.lastIndexOf('/') + 1);
      if (lower === wanted || city === wanted) return 0;
      if (city.startsWith(wanted)) return 1;
      if (lower.startsWith(wanted)) return 2;
      return 3;
    };
    picked = zones()
      .filter((zone) => zone.toLowerCase().includes(wanted))
      .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  }
  return picked.slice(0, MAX_CHOICES).map((zone) => ({ name: zone, value: zone }));
}
