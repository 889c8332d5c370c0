import { infoReply } from '../conversation/reply';
import { QUESTION_RETENTION_DAYS } from '../store/question-log';
import { defineCommand } from './command';

const DAY_MS = 86_400_000;

export const faqGapsCommand = defineCommand({
  name: 'faq gaps',
  summary: 'the questions I could not answer, most asked first, last 30 days',
  run: async ({ deps }) => {
    const now = deps.clock.now();
    await deps.store.questions.prune(new Date(now.getTime() - QUESTION_RETENTION_DAYS * DAY_MS));
    const gaps = await deps.store.questions.gaps(new Date(now.getTime() - 30 * DAY_MS), 20);
    if (gaps.length === 0) return infoReply('No unanswered questions in the last 30 days.');
    const lines = gaps.map((g) => `• ${g.count}× "${g.question}" (last ${g.lastSeen.toISOString().slice(0, 10)})`);
    return infoReply(['Questions I could not answer, last 30 days (normalised text):', ...lines].join('\n'));
  },
});
