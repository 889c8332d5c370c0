import type { Reply } from '../conversation/reply';
import type { EvalCase } from './eval-case';

/** Report categories: what the brief's goals are stated in. */
export type EvalCategory = 'covered' | 'uncovered' | 'look-alike' | 'red-flag';

const CATEGORY_OF_EXPECT: Readonly<Record<EvalCase['expect'], EvalCategory>> = {
  answer: 'covered',
  decline: 'uncovered',
  escalate: 'red-flag',
};

export const categoryOf = (c: EvalCase): EvalCategory => (c.kind === 'look-alike' ? 'look-alike' : CATEGORY_OF_EXPECT[c.expect]);

export const CATEGORY_LABEL: Readonly<Record<EvalCategory, string>> = {
  covered: 'covered (answered with the right facts)',
  uncovered: 'uncovered (declined)',
  'look-alike': 'look-alikes (declined)',
  'red-flag': 'red flags (escalated)',
};

export interface CaseOutcome {
  case: EvalCase;
  category: EvalCategory;
  correct: boolean;
  replyKind: Reply['kind'];
  faqId: string | null;
  /** Facts regexes the reply text did not match (only when the kind was right). */
  missingFacts: string[];
}

const EXPECTED_KIND: Readonly<Record<EvalCase['expect'], Reply['kind']>> = {
  answer: 'answer',
  decline: 'fallback',
  escalate: 'escalation',
};

/** Pure: is this reply right for this case? Facts are case-insensitive regexes over the reply text. */
export function scoreCase(evalCase: EvalCase, reply: Reply): CaseOutcome {
  const kindOk = reply.kind === EXPECTED_KIND[evalCase.expect];
  const missingFacts =
    kindOk && evalCase.expect !== 'decline' ? evalCase.facts.filter((f) => !new RegExp(f, 'i').test(reply.text)) : [];
  return {
    case: evalCase,
    category: categoryOf(evalCase),
    correct: kindOk && missingFacts.length === 0,
    replyKind: reply.kind,
    faqId: reply.faqId,
    missingFacts,
  };
}

export interface CategorySummary {
  category: EvalCategory;
  total: number;
  correct: number;
  accuracy: number;
}

export interface EvalSummary {
  categories: CategorySummary[];
  total: number;
  correct: number;
  accuracy: number;
  failures: CaseOutcome[];
}

const ratio = (a: number, b: number): number => (b === 0 ? 1 : a / b);

export function summarize(outcomes: readonly CaseOutcome[]): EvalSummary {
  const categories = (Object.keys(CATEGORY_LABEL) as EvalCategory[]).map((category) => {
    const inCategory = outcomes.filter((o) => o.category === category);
    const correct = inCategory.filter((o) => o.correct).length;
    return { category, total: inCategory.length, correct, accuracy: ratio(correct, inCategory.length) };
  });
  const correct = outcomes.filter((o) => o.correct).length;
  return {
    categories,
    total: outcomes.length,
    correct,
    accuracy: ratio(correct, outcomes.length),
    failures: outcomes.filter((o) => !o.correct),
  };
}
