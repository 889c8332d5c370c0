import { type Reply, type ReplyButton, replyButtons } from '../../src/conversation/reply';

/** Plain-text rendering for the terminal; buttons become numbered choices. */
export function renderShellReply(reply: Reply): { text: string; choices: ReplyButton[] } {
  const choices = replyButtons(reply);
  const lines = [reply.text];
  if (reply.sources.length > 0) lines.push(`Sources: ${reply.sources.join(', ')}`);
  if (reply.suggestions.length > 0) lines.push(reply.kind === 'answer' ? 'Related:' : 'Did you mean:');
  choices.forEach((choice, i) => {
    if (i === reply.suggestions.length && reply.buttons.length > 0) lines.push('Reply with:');
    lines.push(`  ${i + 1}) ${choice.label}`);
  });
  if (choices.length > 0) lines.push('(type a number to choose)');
  if (reply.disclaimer) lines.push(`(${reply.disclaimer})`);
  return { text: lines.join('\n'), choices };
}
