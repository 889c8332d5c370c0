import { apiErrors } from './api-errors';
import type { ApiAllowedMentions, ApiComponent, ApiMessageReference } from './api-types';
import { ComponentType } from './api-types';

/** The JSON body of a message create / edit / interaction response, as the client sends it. */
export interface MessageBody {
  content?: string | null;
  embeds?: unknown[] | null;
  components?: ApiComponent[] | null;
  allowed_mentions?: ApiAllowedMentions | null;
  message_reference?: ApiMessageReference | null;
  nonce?: string | number | null;
  enforce_nonce?: boolean;
  flags?: number | null;
  tts?: boolean;
}

export const MAX_CONTENT = 2000;

/** The limits Discord enforces on a message body; a violation answers 400 / 50035 like the real API. */
export function validateMessageBody(body: MessageBody, { requireSomething }: { requireSomething: boolean }): void {
  const problems: Record<string, string> = {};
  if (body.content != null) {
    if (typeof body.content !== 'string') problems['content'] = 'Must be a string.';
    else if (body.content.length > MAX_CONTENT) problems['content'] = `Must be ${MAX_CONTENT} or fewer in length.`;
  }
  if (body.embeds != null && body.embeds.length > 10) problems['embeds'] = 'Must be 10 or fewer in length.';
  if (body.nonce != null && typeof body.nonce === 'string' && body.nonce.length > 25) {
    problems['nonce'] = 'Must be 25 or fewer in length.';
  }
  const rows = body.components ?? [];
  if (rows.length > 5) problems['components'] = 'Must be 5 or fewer in length.';
  rows.forEach((row, r) => {
    if (row.type !== ComponentType.ActionRow) {
      problems[`components.${r}.type`] = 'Top-level components must be action rows.';
      return;
    }
    const children = row.components ?? [];
    if (children.length < 1 || children.length > 5) problems[`components.${r}.components`] = 'Must be between 1 and 5 in length.';
    children.forEach((c, i) => {
      const at = `components.${r}.components.${i}`;
      if (c.type !== ComponentType.Button) return;
      if (c.label !== undefined && (typeof c.label !== 'string' || c.label.length > 80)) {
        problems[`${at}.label`] = 'Must be 80 or fewer in length.';
      }
      if (c.style === 5) {
        if (typeof c.url !== 'string') problems[`${at}.url`] = 'Link buttons need a url.';
      } else if (typeof c.custom_id !== 'string' || c.custom_id.length < 1 || c.custom_id.length > 100) {
        problems[`${at}.custom_id`] = 'Must be between 1 and 100 in length.';
      }
      if (typeof c.style !== 'number' || c.style < 1 || c.style > 6) problems[`${at}.style`] = 'Not a valid button style.';
    });
  });
  if (Object.keys(problems).length > 0) throw apiErrors.invalidFormBody(problems);
  if (requireSomething && !body.content && !(body.embeds?.length ?? 0) && !(body.components?.length ?? 0)) {
    throw apiErrors.emptyMessage();
  }
}
