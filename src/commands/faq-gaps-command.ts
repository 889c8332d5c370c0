import { infoReply } from '../conversation/reply';
import { QUESTION_RETENTION_DAYS } from '../store/question-log';
import { type Command, wordsCommand } from './command';

const DAY_MS = 86_400_000;

export const faqGapsCommand: Command = {
  name: 'faq gaps',
  usage: 'faq gaps',
  summary: 'the questions I could not answer, most asked first, last 30 days (moderators)',
  description: 'The questions I could not answer, most asked first (30 days)',
  args: [],
  offered: 'menu',
  preconditions: ['moderator'],
  privateAnswers: true,
  parse: wordsCommand('faq gaps', { allowArgs: false }),
  run: ({ deps }) => {
    const now = deps.clock.now();
    deps.store.questions.prune(new Date(now.getTime() - QUESTION_RETENTION_DAYS * DAY_MS));
    const gaps = deps.store.questions.gaps(new Date(now.getTime() - 30 * DAY_MS), 20);
    if (gaps.length === 0) return infoReply('No unanswered questions in the last 30 days.', { ephemeral: true });
    const lines = gaps.map((g) => `• ${g.count}× "${g.question}" (last ${g.lastSeen.toISOString().slice(0, 10)})`);
    return infoReply(['Questions I could not answer, last 30 days (normalised text):', ...lines].join('\n'), {
      ephemeral: true,
    });
  },
};
