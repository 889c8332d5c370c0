import { findSmallTalk } from '../conversation/small-talk';
import type { Finding } from './check-knowledge';
import type { Knowledge } from './knowledge-schema';

/**
 * Small talk is only looked for after the matcher declined, so a loose pattern cannot hide an answer; it can
 * hide a question the guide does not cover (a friendly word instead of "not covered", and no gap recorded).
 * Every question the pack knows of is one: a pattern that catches any of them is an error.
 */
export function checkSmallTalk(knowledge: Knowledge): Finding[] {
  if (knowledge.smallTalk.length === 0) return [];
  const questions: Array<{ where: string; text: string }> = [
    ...knowledge.entries.flatMap((e, i) =>
      [e.question, ...e.alternates].map((text, j) => ({ where: `faq.yaml → entries[${i}] (id: ${e.id})${j === 0 ? ' → question' : ` → alternates[${j - 1}]`}`, text })),
    ),
    ...Object.entries(knowledge.phrasings).flatMap(([label, texts]) => texts.map((text, j) => ({ where: `phrasings.yaml → phrasings → ${label}[${j}]`, text }))),
    ...knowledge.outOfScope.flatMap((t, i) => t.examples.map((text, j) => ({ where: `out-of-scope.yaml → topics[${i}] (id: ${t.id}) → examples[${j}]`, text }))),
    ...Object.entries(knowledge.labelled.answered).flatMap(([id, texts]) => texts.map((text, j) => ({ where: `labelled-questions.yaml → answered → ${id}[${j}]`, text }))),
    ...knowledge.labelled.declined.map((text, j) => ({ where: `labelled-questions.yaml → declined[${j}]`, text })),
    ...knowledge.labelled.warnings.map((text, j) => ({ where: `labelled-questions.yaml → warnings[${j}]`, text })),
  ];
  return questions.flatMap(({ where, text }) => {
    const kind = findSmallTalk(knowledge.smallTalk, text);
    return kind ? [{ level: 'error' as const, where: `small-talk.yaml → smallTalk (id: ${kind.id})`, message: `a pattern takes the question "${text}" (${where}) for small talk` }] : [];
  });
}
