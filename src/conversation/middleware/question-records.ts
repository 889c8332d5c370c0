import type { Logger } from '../../logging/logger';
import type { QuestionOutcome } from '../../store/question-log';
import type { Store } from '../../store/store';
import { bestEffortWrite } from '../../store/write-faults';
import type { Clock } from '../../time/clock';
import type { Middleware } from './turn';

const OUTCOME = { answer: 'answered', decline: 'declined', escalation: 'escalated' } as const satisfies Record<string, QuestionOutcome>;

/**
 * Once a question's reply is decided, its outcome is recorded for the moderators (gaps, stats). Best effort:
 * a failed write is logged and never reaches the person.
 */
export function questionRecords(deps: { store: Store; clock: Clock; logger: Logger; settings: { questionRecordsPerDay: number } }): Middleware {
  return async (turn, next) => {
    await next();
    const result = turn.asked;
    if (!result) return;
    const now = deps.clock.now();
    const askerKey = deps.store.askerKey(turn.message.platform, turn.message.user.id);
    await bestEffortWrite(deps, 'question record', async () => {
      // One person's flood must not fill the disk: past the day's cap, questions are answered but not recorded.
      const dayStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
      if ((await deps.store.questions.countForAsker(askerKey, dayStart)) >= deps.settings.questionRecordsPerDay) return;
      await deps.store.questions.record({
        askedAt: now,
        outcome: OUTCOME[result.kind],
        faqId: result.kind === 'answer' ? result.entry.id : null,
        question: result.normalized,
        askerKey,
      });
    });
  };
}
