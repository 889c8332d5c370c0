import { z } from 'zod';

/**
 * One line of an eval file: {"q": "...", "expect": "answer" | "decline" | "escalate", "facts": [regex, ...],
 * "kind"?: "covered" | "uncovered" | "look-alike" | "warning"}. `kind` tells look-alikes (declines that use the
 * pack's words) apart from plainly uncovered questions; without it the kind follows from `expect`.
 */
export const evalCaseSchema = z
  .object({
    q: z.string(),
    expect: z.enum(['answer', 'decline', 'escalate']),
    facts: z.array(z.string()).default([]),
    kind: z.enum(['covered', 'uncovered', 'look-alike', 'warning']).optional(),
  })
  .strict()
  .superRefine((c, ctx) => {
    const allowed = { answer: ['covered'], decline: ['uncovered', 'look-alike'], escalate: ['warning'] }[c.expect];
    if (c.kind !== undefined && !allowed.includes(c.kind)) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['kind'], message: `kind "${c.kind}" does not fit expect "${c.expect}"` });
    }
  });

export type EvalCase = z.infer<typeof evalCaseSchema>;

export class EvalFileError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    detail: string,
  ) {
    super(`${file}:${line}: ${detail}`);
    this.name = 'EvalFileError';
  }
}

/** Parses JSONL text; blank lines are skipped. Throws EvalFileError naming the line of the first bad case. */
export function parseEvalFile(text: string, file: string): EvalCase[] {
  const cases: EvalCase[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (line.length === 0) return;
    let data: unknown;
    try {
      data = JSON.parse(line);
    } catch (error) {
      throw new EvalFileError(file, i + 1, `not valid JSON: ${(error as Error).message}`);
    }
    const parsed = evalCaseSchema.safeParse(data);
    if (!parsed.success) {
      throw new EvalFileError(file, i + 1, parsed.error.issues.map((x) => `${x.path.join('.') || 'line'}: ${x.message}`).join('; '));
    }
    for (const fact of parsed.data.facts) {
      try {
        new RegExp(fact, 'i');
      } catch (error) {
        throw new EvalFileError(file, i + 1, `bad facts regex ${JSON.stringify(fact)}: ${(error as Error).message}`);
      }
    }
    cases.push(parsed.data);
  });
  if (cases.length === 0) throw new EvalFileError(file, 0, 'no cases');
  return cases;
}
