import type { Checkin, CheckinOption } from '../knowledge/knowledge-schema';
import { normalize } from '../matching/normalize';

export type OptionMatch = { kind: 'option'; option: CheckinOption } | { kind: 'ambiguous'; options: CheckinOption[] } | { kind: 'none' };

const QUESTION_START =
  /^(is|are|am|can|could|should|would|will|do|does|did|how|what|whats|when|where|why|which|who|may|might|has|have|shall)\b/;

/** "is peeling normal?" is a question for the FAQ, not an answer to a check-in. */
export function looksLikeQuestion(text: string): boolean {
  return text.trim().endsWith('?') || QUESTION_START.test(normalize(text));
}

function containsPhrase(haystack: string, phrase: string): boolean {
  return phrase.length > 0 && ` ${haystack} `.includes(` ${phrase} `);
}

/**
 * Which option a typed answer picks: the option label typed in full wins; otherwise the option whose
 * keywords (whole words or phrases, normalised like questions) occur most often. On a tie an escalating
 * option wins (safety first); a tie between ordinary options is ambiguous (the user is asked to tap).
 */
export function matchOption(checkin: Checkin, text: string): OptionMatch {
  const said = normalize(text);
  if (said === '') return { kind: 'none' };
  const byLabel = checkin.options.find((o) => normalize(o.label) === said);
  if (byLabel) return { kind: 'option', option: byLabel };
  let best = 0;
  let top: CheckinOption[] = [];
  for (const option of checkin.options) {
    const keywords = new Set(option.keywords.map(normalize));
    let score = 0;
    for (const keyword of keywords) if (containsPhrase(said, keyword)) score++;
    if (score === 0) continue;
    if (score > best) {
      best = score;
      top = [option];
    } else if (score === best) {
      top.push(option);
    }
  }
  if (top.length === 0) return { kind: 'none' };
  if (top.length === 1) return { kind: 'option', option: top[0]! };
  const escalating = top.find((o) => o.escalate);
  return escalating ? { kind: 'option', option: escalating } : { kind: 'ambiguous', options: top };
}
