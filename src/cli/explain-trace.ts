import type { MatchTrace } from '../matching/create-matcher';

/** The matcher's reasoning as lines a knowledge author can read (`npm run -s ask -- --explain "..."`). */
export function formatTrace(trace: MatchTrace): string[] {
  const lines = [`folded: ${trace.folded}`];
  if (trace.redFlag) lines.push(`red flag: ${trace.redFlag.rule.id} via ${trace.redFlag.via}`);
  for (const c of trace.clauses) {
    const terms = c.hits.map((h) => `${h.topic.id} ("${h.term}")`).join(', ');
    lines.push(
      `clause${c.asked ? ' (asks)' : ''}: "${c.text}"`,
      `  concepts: ${c.concepts.join(', ') || '-'}${terms ? `; out-of-scope terms: ${terms}` : ''}${c.otherCause ? `; another cause: ${c.otherCause}` : ''}`,
    );
  }
  for (const d of trace.decisions) lines.push(`decision for "${d.clause}": ${d.verdict}${d.foreign.length ? ` (unknown words: ${d.foreign.join(', ')})` : ''}`);
  lines.push('candidates:');
  for (const r of trace.ranked.slice(0, 6)) {
    lines.push(`  ${r.kind} ${r.id}: ${r.score.toFixed(2)} (concepts ${r.evidence.toFixed(2)}, nearest phrasing ${r.nearest.toFixed(2)}; shares ${r.shared.join(', ') || '-'})`);
  }
  if (trace.classifier) {
    const c = trace.classifier;
    lines.push(`phrasing classifier: ${c.label} (probability 1 - ${(1 - c.probability).toExponential(1)})${c.changed ? `: ${c.changed}` : ', left as the rules decided'}`);
    if (c.unexplained.length > 0) lines.push(`  words the rules' answer does not explain: ${c.unexplained.join(', ')}`);
  }
  const r = trace.result;
  const outcome =
    r.kind === 'answer'
      ? `answer ${[r.entry, ...(r.also ?? [])].map((e) => e.id).join(' + ')} (confidence ${r.confidence.toFixed(2)})`
      : r.kind === 'escalation'
        ? `escalation (${r.rule.id})`
        : `decline: ${r.reason}${r.outOfScopeId ? ` (${r.outOfScopeId})` : ''}${r.suggestions.length ? `; did you mean ${r.suggestions.map((e) => e.id).join(', ')}` : ''}`;
  lines.push(`result: ${outcome}`);
  return lines;
}
