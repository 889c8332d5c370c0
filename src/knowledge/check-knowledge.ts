import { createMatcher } from '../matching/create-matcher';
import { foldEntry, stem } from '../matching/lexicon';
import { checkSmallTalk } from './check-small-talk';
import type { Knowledge } from './knowledge-schema';

export interface Finding {
  level: 'error' | 'warning';
  /** Where: "faq.yaml → entries (id: ...) → alternates[3]". */
  where: string;
  message: string;
}

/** Answers are reused for questions that are not yes/no ones ("can i go in the sun?" -> "Yes." reads as permission). */
const YES_NO_OPENING = /^(yes|no|yep|nope|yeah)\b/i;

/**
 * What a knowledge author should know about a pack that loads: errors that would make the bot say something
 * wrong, and warnings about phrasings the matcher does not send where the author meant. Run by
 * `npm run knowledge:check` and, as warnings, at start-up.
 */
export function checkKnowledge(knowledge: Knowledge): Finding[] {
  const findings: Finding[] = [];
  // Where alternates land by their words alone: the direct reach of an entry's own phrasings would hide overlaps.
  const matcher = createMatcher(knowledge, { ownPhrasings: false });
  knowledge.entries.forEach((entry, i) => {
    const at = `faq.yaml → entries[${i}] (id: ${entry.id})`;
    if (YES_NO_OPENING.test(entry.answer.trim())) {
      findings.push({ level: 'error', where: `${at} → answer`, message: 'opens with yes or no; answers must fit questions that are not yes/no ones' });
    }
    [entry.question, ...entry.alternates].forEach((phrasing, j) => {
      const where = j === 0 ? `${at} → question` : `${at} → alternates[${j - 1}]`;
      const trace = matcher.explain(phrasing);
      const result = trace.result;
      if (result.kind === 'escalation') {
        findings.push({ level: 'error', where, message: `"${phrasing}" fires the red flag ${result.rule.id} (${trace.redFlag?.via ?? ''})` });
      } else if (result.kind === 'decline') {
        const by = result.outOfScopeId ? `the out-of-scope topic ${result.outOfScopeId}` : 'too little evidence';
        findings.push({ level: 'warning', where, message: `"${phrasing}" is declined (${by}): shadowed, or too vague` });
      } else if (result.entry.id !== entry.id) {
        findings.push({ level: 'warning', where, message: `"${phrasing}" lands on ${result.entry.id} by its words (word for word it still reaches its own entry): the two entries overlap, so questions like it may land there` });
      }
    });
  });
  // A label whose entry or topic was removed is ignored by the matcher; the author should know.
  const labels = new Set([...knowledge.entries.map((e) => e.id), ...knowledge.outOfScope.map((t) => t.id)]);
  for (const label of Object.keys(knowledge.phrasings)) {
    if (!labels.has(label)) findings.push({ level: 'warning', where: `phrasings.yaml → phrasings → ${label}`, message: 'no FAQ entry or out-of-scope topic has this id; its questions are ignored' });
  }
  const entryIds = new Set(knowledge.entries.map((e) => e.id));
  for (const label of Object.keys(knowledge.labelled.answered)) {
    if (!entryIds.has(label)) findings.push({ level: 'warning', where: `labelled-questions.yaml → answered → ${label}`, message: 'no FAQ entry has this id; its questions are ignored' });
  }
  findings.push(...stemClashes(knowledge));
  knowledge.outOfScope.forEach((topic, i) => {
    topic.examples.forEach((example, j) => {
      const result = matcher.match(example);
      if (result.kind === 'answer') {
        findings.push({
          level: 'warning',
          where: `out-of-scope.yaml → topics[${i}] (id: ${topic.id}) → examples[${j}]`,
          message: `"${example}" is answered by ${result.entry.id}: the entry covers this topic, or the example is too close to it`,
        });
      }
    });
  });
  findings.push(...checkSmallTalk(knowledge));
  return findings;
}

/**
 * Two concept groups holding words with one stem ("needling" and "needle" both stem to "needl"): only one
 * group can have that stem, so the other group's word silently means something else.
 */
function stemClashes(knowledge: Knowledge): Finding[] {
  const groupOfStem = new Map<string, { concept: string; word: string }>();
  const findings: Finding[] = [];
  for (const [concept, words] of Object.entries(knowledge.lexicon.concepts)) {
    for (const word of [concept, ...words]) {
      const folded = foldEntry(word);
      if (folded.includes(' ')) continue;
      const s = stem(folded);
      const other = groupOfStem.get(s);
      if (other && other.concept !== concept) {
        findings.push({
          level: 'warning',
          where: `lexicon.yaml → concepts → ${concept}`,
          message: `"${word}" has the same stem ("${s}") as "${other.word}" in concepts → ${other.concept}: one of the two groups loses it`,
        });
      } else if (!other) groupOfStem.set(s, { concept, word });
    }
  }
  return findings;
}
