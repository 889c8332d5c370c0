/**
 * What the core answers: data only. Adapters decide how it looks on their platform
 * (Discord message + components, Slack blocks, shell text).
 */
export type ReplyKind =
  | 'answer' // a knowledge-pack entry
  | 'fallback' // not covered: says what the bot can help with
  | 'escalation' // warning signs: contact your provider
  | 'info' // help, topics, confirmations, status
  | 'refusal' // not allowed (moderator-only command)
  | 'error'; // bad input or something went wrong

export interface ReplyButton {
  label: string;
  /** Opaque to adapters: sent back as IncomingMessage.action when clicked (max 90 chars). */
  action: string;
  style?: 'primary' | 'secondary' | 'danger';
}

export interface Suggestion {
  faqId: string;
  question: string;
}

export interface Reply {
  kind: ReplyKind;
  /** The message body. For answers this is the knowledge pack's text, unchanged. */
  text: string;
  faqId: string | null;
  /** Matcher confidence in 0..1 (1 for commands). */
  confidence: number;
  /** Outlets the article credits for the facts in `text`. */
  sources: string[];
  /** "Did you mean" entries; adapters render them as buttons with action `faq:<id>`. */
  suggestions: Suggestion[];
  /** Other buttons (check-in options, stop…). */
  buttons: ReplyButton[];
  /** Short disclaimer to show under answers, or null. */
  disclaimer: string | null;
  /** Only the asker should see it, where the platform can do that (slash commands, refusals). */
  ephemeral: boolean;
}

/** Action prefix for "did you mean" buttons. */
export const SUGGESTION_ACTION_PREFIX = 'faq:';

export function suggestionAction(faqId: string): string {
  return SUGGESTION_ACTION_PREFIX + faqId;
}

/** All buttons of a reply, suggestions first, for adapters to render. */
export function replyButtons(reply: Reply): ReplyButton[] {
  const suggested = reply.suggestions.map((s) => ({
    label: s.question,
    action: suggestionAction(s.faqId),
    style: 'secondary' as const,
  }));
  return [...suggested, ...reply.buttons];
}

/** A plain informational reply (commands, confirmations). */
export function infoReply(text: string, extra: Partial<Reply> = {}): Reply {
  return {
    kind: 'info',
    text,
    faqId: null,
    confidence: 1,
    sources: [],
    suggestions: [],
    buttons: [],
    disclaimer: null,
    ephemeral: false,
    ...extra,
  };
}
