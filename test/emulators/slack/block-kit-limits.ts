/**
 * The Block Kit limits Slack enforces on the blocks the bot sends (the subset it uses), so a rendering
 * that real Slack would refuse with `invalid_blocks` is refused here too.
 */
export function blockKitProblems(blocks: unknown): string[] {
  if (!Array.isArray(blocks)) return ['blocks must be an array'];
  const problems: string[] = [];
  if (blocks.length > 50) problems.push('no more than 50 blocks');
  const actionIds = new Set<string>();
  blocks.forEach((block, i) => {
    const b = asRecord(block);
    const where = `blocks[${i}]`;
    switch (b.type) {
      case 'section':
        problems.push(...textProblems(b.text, `${where}.text`, 3000));
        break;
      case 'context': {
        const elements = Array.isArray(b.elements) ? b.elements : [];
        if (elements.length === 0 || elements.length > 10) problems.push(`${where} needs 1-10 elements`);
        elements.forEach((e, j) => {
          problems.push(...textProblems(e, `${where}.elements[${j}]`, 3000));
        });
        break;
      }
      case 'actions': {
        const elements = Array.isArray(b.elements) ? b.elements : [];
        if (elements.length === 0 || elements.length > 25) problems.push(`${where} needs 1-25 elements`);
        elements.forEach((e, j) => {
          problems.push(...buttonProblems(asRecord(e), `${where}.elements[${j}]`, actionIds));
        });
        break;
      }
      case 'divider':
        break;
      default:
        problems.push(`${where} has an unsupported type ${String(b.type)}`);
    }
  });
  return problems;
}

function textProblems(value: unknown, where: string, max: number): string[] {
  const t = asRecord(value);
  if (t.type !== 'mrkdwn' && t.type !== 'plain_text') return [`${where} must be a text object`];
  if (typeof t.text !== 'string' || t.text.length === 0) return [`${where}.text must be a non-empty string`];
  if (t.text.length > max) return [`${where}.text must be at most ${max} characters`];
  return [];
}

function buttonProblems(e: Record<string, unknown>, where: string, actionIds: Set<string>): string[] {
  if (e.type !== 'button') return [`${where} must be a button`];
  const problems = textProblems(e.text, `${where}.text`, 75);
  if (asRecord(e.text).type !== 'plain_text') problems.push(`${where}.text must be plain_text`);
  const actionId = e.action_id;
  if (typeof actionId !== 'string' || actionId.length === 0 || actionId.length > 255) {
    problems.push(`${where}.action_id must be 1-255 characters`);
  } else if (actionIds.has(actionId)) {
    problems.push(`${where}.action_id ${actionId} is not unique`);
  } else {
    actionIds.add(actionId);
  }
  if (e.value !== undefined && (typeof e.value !== 'string' || e.value.length > 2000)) {
    problems.push(`${where}.value must be a string of at most 2000 characters`);
  }
  if (e.style !== undefined && e.style !== 'primary' && e.style !== 'danger') {
    problems.push(`${where}.style must be primary or danger`);
  }
  return problems;
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}
