import type { types } from '@slack/bolt';
import { type Reply, type ReplyButton, replyButtons } from '../../src/conversation/reply';
import { escapeMrkdwn, splitEscaped, truncate } from './mrkdwn';

type KnownBlock = types.KnownBlock;
type Button = types.Button;

/** Buttons carry the reply button's `action` in their action_id (after this prefix) and value. */
export const ACTION_ID_PREFIX = 'aftercare:';
export const ACTION_ID_PATTERN = /^aftercare:/;

/** A message in Slack's terms: Block Kit plus the plain `text` shown in notifications. */
export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

// Slack's limits: section text 3000, button label 75, 25 elements per actions block, 50 blocks.
const SECTION_MAX = 3000;
const CONTEXT_MAX = 2000;
const BUTTON_LABEL_MAX = 75;
const BUTTONS_PER_BLOCK = 25;
const MAX_BLOCKS = 50;
const FALLBACK_MAX = 3000;

/**
 * Reply → Block Kit: the text as sections, "Sources" and the disclaimer as context, suggestions and
 * reply buttons as an actions block. Every mrkdwn string is escaped and marked verbatim, so Slack
 * neither reads `<…>` tokens nor auto-links mentions in it.
 */
export function renderSlackReply(reply: Reply): SlackMessage {
  // Slack refuses empty text; the core should never send it, but a blank message must not crash a send.
  const body = reply.text.trim() === '' ? '…' : reply.text;
  const blocks: KnownBlock[] = splitEscaped(body, SECTION_MAX).map((text) => ({
    type: 'section',
    text: mrkdwn(text),
  }));
  if (reply.sources.length > 0) {
    blocks.push(context(`Sources: ${reply.sources.join(', ')}`));
  }
  if (reply.disclaimer) blocks.push(context(reply.disclaimer));
  const buttons = uniqueByAction(replyButtons(reply));
  if (buttons.length > 0) {
    if (reply.suggestions.length > 0) blocks.push(context(reply.kind === 'answer' ? 'Related:' : 'Did you mean:'));
    for (let i = 0; i < buttons.length; i += BUTTONS_PER_BLOCK) {
      blocks.push({ type: 'actions', elements: buttons.slice(i, i + BUTTONS_PER_BLOCK).map(button) });
    }
  }
  // The notification text: the start of the answer, cut at a word, escaped like the rest.
  return { text: splitEscaped(body, FALLBACK_MAX)[0] ?? '…', blocks: blocks.slice(0, MAX_BLOCKS) };
}

/** The reply button's `action` from a clicked Slack button. */
export function actionFromButton(actionId: string, value: string | undefined): string {
  return value !== undefined && value !== '' ? value : actionId.replace(ACTION_ID_PATTERN, '');
}

function mrkdwn(escapedText: string): types.MrkdwnElement {
  return { type: 'mrkdwn', text: escapedText, verbatim: true };
}

function context(rawText: string): KnownBlock {
  return { type: 'context', elements: [mrkdwn(escapeMrkdwn(truncate(rawText, CONTEXT_MAX)))] };
}

function button(b: ReplyButton): Button {
  return {
    type: 'button',
    action_id: ACTION_ID_PREFIX + b.action,
    value: b.action,
    // plain_text is never parsed for mentions or links, so it is not escaped (that would show "&amp;").
    text: { type: 'plain_text', text: truncate(b.label, BUTTON_LABEL_MAX), emoji: true },
    // Slack knows only primary and danger; its default look is our "secondary".
    ...(b.style === 'primary' || b.style === 'danger' ? { style: b.style } : {}),
  };
}

/** action_ids must be unique within a message; a repeated action would be the same click anyway. */
function uniqueByAction(buttons: ReplyButton[]): ReplyButton[] {
  const seen = new Set<string>();
  return buttons.filter((b) => {
    if (seen.has(b.action)) return false;
    seen.add(b.action);
    return true;
  });
}
