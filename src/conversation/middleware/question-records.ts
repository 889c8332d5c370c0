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
export function questionRecords(deps: { store: Store; clock: Clock; logger: Logger }): Middleware {
  return async (turn, next) => {
    await next();
    const result = turn.asked;
    if (!result) return;
    bestEffortWrite(deps, 'question record', () =>
      deps.store.questions.record({
        askedAt: deps.clock.now(),
        outcome: OUTCOME[result.kind],
        faqId: result.kind === 'answer' ? result.entry.id : null,
        question: result.normalized,
        askerKey: deps.store.askerKey(turn.message.platform, turn.message.user.id),
      }),
    );
  };
}
