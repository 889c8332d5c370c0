import { infoReply } from '../conversation/reply';
import { defineCommand } from './command';

const DAY_MS = 86_400_000;
const percent = (part: number, total: number) => (total === 0 ? '0%' : `${Math.round((part / total) * 100)}%`);

export const faqStatsCommand = defineCommand({
  name: 'faq stats',
  summary: 'answers per entry; decline and escalation rates (7 and 30 days)',
  run: async ({ deps }) => {
    const now = deps.clock.now().getTime();
    const lines: string[] = [];
    for (const days of [7, 30]) {
      const s = await deps.store.questions.stats(new Date(now - days * DAY_MS));
      lines.push(
        `Last ${days} days: ${s.total} questions, ${s.answered} answered, ${s.declined} declined (${percent(s.declined, s.total)}), ${s.escalated} escalated (${percent(s.escalated, s.total)}).`,
      );
      if (days === 30) {
        const perEntry = [...s.perEntry.entries()].sort((a, b) => b[1] - a[1]);
        lines.push('Answers per entry (30 days):', ...perEntry.map(([id, n]) => `• ${id}: ${n}`));
        if (perEntry.length === 0) lines.push('• none yet');
      }
    }
    return infoReply(lines.join('\n'));
  },
});
