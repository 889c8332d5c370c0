import {
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  ButtonStyle,
  ComponentType,
} from 'discord.js';
import { type Reply, type ReplyButton, replyButtons } from '../../src/conversation/reply';
import { DISCORD_MESSAGE_LIMIT, splitMessage } from './split-message';

/** One Discord message of a rendered reply. */
export interface DiscordMessageParts {
  content: string;
  components: APIActionRowComponent<APIButtonComponentWithCustomId>[];
}

const BUTTONS_PER_ROW = 5;
const MAX_ROWS = 5;
const MAX_LABEL = 80;
const MAX_CUSTOM_ID = 100;

const STYLES: Record<NonNullable<ReplyButton['style']>, ButtonStyle.Primary | ButtonStyle.Secondary | ButtonStyle.Danger> = {
  primary: ButtonStyle.Primary,
  secondary: ButtonStyle.Secondary,
  danger: ButtonStyle.Danger,
};

/** Stops knowledge-pack text from opening or closing the italics around the disclaimer. */
function escapeEmphasis(text: string): string {
  return text.replace(/([*_~`|\\])/g, '\\$1');
}

/** The body: answer text, a "Sources:" line, and the disclaimer as small italic subtext (`-# *…*`). */
export function replyContent(reply: Reply): string {
  const parts = [reply.text.trim()];
  if (reply.sources.length > 0) parts.push(`Sources: ${reply.sources.join(', ')}`);
  if (reply.disclaimer?.trim()) {
    parts.push(
      reply.disclaimer
        .trim()
        .split(/\n+/)
        .map((line) => `-# *${escapeEmphasis(line.trim())}*`)
        .join('\n'),
    );
  }
  return parts.filter(Boolean).join('\n\n');
}

/** Suggestions and buttons as Discord buttons whose custom_id is the button's `action`, five per row. */
export function replyComponents(reply: Reply): APIActionRowComponent<APIButtonComponentWithCustomId>[] {
  const seen = new Set<string>();
  const buttons: APIButtonComponentWithCustomId[] = [];
  for (const button of replyButtons(reply)) {
    // Discord rejects a message whose custom_ids repeat or exceed 100 characters.
    if (seen.has(button.action) || button.action.length === 0 || button.action.length > MAX_CUSTOM_ID) continue;
    seen.add(button.action);
    const label = button.label.length > MAX_LABEL ? `${button.label.slice(0, MAX_LABEL - 1).trimEnd()}…` : button.label;
    buttons.push({
      type: ComponentType.Button,
      custom_id: button.action,
      label,
      style: STYLES[button.style ?? 'primary'],
    });
  }
  const rows: APIActionRowComponent<APIButtonComponentWithCustomId>[] = [];
  for (let i = 0; i < buttons.length && rows.length < MAX_ROWS; i += BUTTONS_PER_ROW) {
    rows.push({ type: ComponentType.ActionRow, components: buttons.slice(i, i + BUTTONS_PER_ROW) });
  }
  return rows;
}

/** The whole reply as one or more messages under 2,000 characters; buttons ride on the last one. */
export function renderReply(reply: Reply, limit = DISCORD_MESSAGE_LIMIT): DiscordMessageParts[] {
  const chunks = splitMessage(replyContent(reply), limit);
  const components = replyComponents(reply);
  if (chunks.length === 0) chunks.push(components.length > 0 ? '\u200b' : '…');
  return chunks.map((content, i) => ({ content, components: i === chunks.length - 1 ? components : [] }));
}
