import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
// js-yaml: about three times faster than `yaml` on the pack, which matters for start-up.
import jsYaml from 'js-yaml';
import type { ZodError, ZodType, ZodTypeDef } from 'zod';
import { type BuildSteps, runInSlices, runToEnd } from '../matching/build-steps';
import {
  checkinsFileSchema,
  faqFileSchema,
  type Knowledge,
  lexiconFileSchema,
  outOfScopeFileSchema,
  labelledQuestionsFileSchema,
  phrasingsFileSchema,
  sourcesFileSchema,
  safetyFileSchema,
  smallTalkFileSchema,
} from './knowledge-schema';

/** The files of a knowledge pack, all in one folder. */
export const KNOWLEDGE_FILES = {
  faq: 'faq.yaml',
  outOfScope: 'out-of-scope.yaml',
  safety: 'safety.yaml',
  checkins: 'checkins.yaml',
  lexicon: 'lexicon.yaml',
  sources: 'sources.yaml',
  /** Optional. */
  phrasings: 'phrasings.yaml',
  /** Optional. */
  labelled: 'labelled-questions.yaml',
  /** Optional. */
  smallTalk: 'small-talk.yaml',
} as const;

/** A knowledge file that cannot be used; the message names the file, the entry and the field. */
export class KnowledgeError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`Knowledge file ${file} is invalid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'KnowledgeError';
  }
}

/** "entries[3] (id: redness-duration) → alternates: needs at least 8 alternate phrasings" */
function describeIssues(error: ZodError, data: unknown): string[] {
  return error.issues.map((issue) => {
    const where: string[] = [];
    let node: unknown = data;
    for (const key of issue.path) {
      node = node !== null && typeof node === 'object' ? (node as Record<string | number, unknown>)[key] : undefined;
      if (typeof key === 'number') {
        const last = where.pop() ?? '';
        const entryId =
          node !== null && typeof node === 'object' && typeof (node as { id?: unknown }).id === 'string'
            ? ` (id: ${(node as { id: string }).id})`
            : '';
        where.push(`${last}[${key}]${entryId}`);
      } else {
        where.push(String(key));
      }
    }
    return `${where.join(' → ') || '(top level)'}: ${issue.message}`;
  });
}

function parseFile<T>(dir: string, name: string, schema: ZodType<T, ZodTypeDef, unknown>): { value: T; raw: string } {
  const file = path.join(dir, name);
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (error) {
    throw new KnowledgeError(file, [`cannot be read: ${(error as Error).message}`]);
  }
  let data: unknown;
  try {
    data = jsYaml.load(raw, { filename: path.basename(file) });
  } catch (error) {
    throw new KnowledgeError(file, [`is not valid YAML: ${(error as Error).message}`]);
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw new KnowledgeError(file, describeIssues(parsed.error, data));
  return { value: parsed.data, raw };
}

function duplicates(ids: string[]): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) repeated.add(id);
    seen.add(id);
  }
  return [...repeated];
}

function regexProblem(pattern: string, where: string): string[] {
  try {
    new RegExp(pattern, 'i');
    return [];
  } catch (error) {
    return [`${where}: ${(error as Error).message}`];
  }
}

function namedPatternProblems(section: string, named: Record<string, string[]>): string[] {
  return Object.entries(named).flatMap(([name, patterns]) => patterns.flatMap((p, j) => regexProblem(p, `${section} → ${name}[${j}]`)));
}

/** A word listed under two concepts would silently belong to whichever came last. */
function conceptClashes(concepts: Record<string, string[]>): string[] {
  const owner = new Map<string, string>();
  const problems: string[] = [];
  for (const [concept, words] of Object.entries(concepts)) {
    for (const word of words) {
      const key = word.toLowerCase();
      const previous = owner.get(key);
      if (previous !== undefined && previous !== concept) problems.push(`concepts → ${concept}: "${word}" is also listed under ${previous}`);
      owner.set(key, concept);
    }
  }
  return problems;
}

/** Reads, validates and cross-checks every file of the pack. Throws KnowledgeError. Pure apart from reading. */
export function loadKnowledge(dir: string): Knowledge {
  return runToEnd(loadKnowledgeSteps(dir));
}

/** The same, a file at a time with other events between (a reload while the bot answers). */
export function loadKnowledgeInSlices(dir: string, sliceMs = 10): Promise<Knowledge> {
  return runInSlices(loadKnowledgeSteps(dir), sliceMs);
}

function* loadKnowledgeSteps(dir: string): BuildSteps<Knowledge> {
  const faq = parseFile(dir, KNOWLEDGE_FILES.faq, faqFileSchema);
  yield;
  const outOfScope = parseFile(dir, KNOWLEDGE_FILES.outOfScope, outOfScopeFileSchema);
  yield;
  const safety = parseFile(dir, KNOWLEDGE_FILES.safety, safetyFileSchema);
  yield;
  const checkins = parseFile(dir, KNOWLEDGE_FILES.checkins, checkinsFileSchema);

  const faqDupes = duplicates(faq.value.entries.map((e) => e.id));
  if (faqDupes.length > 0) {
    throw new KnowledgeError(
      path.join(dir, KNOWLEDGE_FILES.faq),
      faqDupes.map((id) => `entries (id: ${id}) → id: used more than once`),
    );
  }
  const lexicon = parseFile(dir, KNOWLEDGE_FILES.lexicon, lexiconFileSchema);
  yield;
  const phrasings = existsSync(path.join(dir, KNOWLEDGE_FILES.phrasings))
    ? parseFile(dir, KNOWLEDGE_FILES.phrasings, phrasingsFileSchema)
    : { value: { phrasings: {} }, raw: '' };
  yield;
  const labelled = existsSync(path.join(dir, KNOWLEDGE_FILES.labelled))
    ? parseFile(dir, KNOWLEDGE_FILES.labelled, labelledQuestionsFileSchema)
    : { value: { answered: {}, declined: [], warnings: [] }, raw: '' };
  yield;

  const safetyProblems = [
    ...safety.value.redFlags.flatMap((rule, i) => [
      ...rule.patterns.flatMap((p, j) => regexProblem(p, `redFlags[${i}] (id: ${rule.id}) → patterns[${j}]`)),
      ...rule.when.flatMap((names, j) =>
        names
          .filter((n) => !Object.hasOwn(safety.value.signs, n) && !Object.hasOwn(safety.value.modifiers, n))
          .map((n) => `redFlags[${i}] (id: ${rule.id}) → when[${j}]: "${n}" is neither a sign nor a modifier`),
      ),
    ]),
    ...namedPatternProblems('signs', safety.value.signs),
    ...namedPatternProblems('modifiers', safety.value.modifiers),
  ];
  if (safetyProblems.length > 0) throw new KnowledgeError(path.join(dir, KNOWLEDGE_FILES.safety), safetyProblems);
  yield;

  const lexiconProblems = [
    ...lexicon.value.rewrites.flatMap((r, i) => regexProblem(r.pattern, `rewrites[${i}] → pattern`)),
    ...lexicon.value.intents.flatMap((r, i) => regexProblem(r.pattern, `intents[${i}] (concept: ${r.concept}) → pattern`)),
    ...conceptClashes(lexicon.value.concepts),
  ];
  if (lexiconProblems.length > 0) throw new KnowledgeError(path.join(dir, KNOWLEDGE_FILES.lexicon), lexiconProblems);

  const sources = parseFile(dir, KNOWLEDGE_FILES.sources, sourcesFileSchema);
  const outlets = new Set(sources.value.sources);
  const uncredited = (list: string[], where: string): string[] =>
    list.filter((s) => !outlets.has(s)).map((s) => `${where}: "${s}" is not listed in ${KNOWLEDGE_FILES.sources}`);
  const faqSourceProblems = faq.value.entries.flatMap((e, i) => uncredited(e.sources, `entries[${i}] (id: ${e.id}) → sources`));
  if (faqSourceProblems.length > 0) throw new KnowledgeError(path.join(dir, KNOWLEDGE_FILES.faq), faqSourceProblems);
  const topics = new Set(checkins.value.topics);
  const checkinProblems = checkins.value.checkins.flatMap((c, i) => [
    ...(topics.has(c.topic) ? [] : [`checkins[${i}] (id: ${c.id}) → topic: "${c.topic}" is not one of topics (${[...topics].join(', ')})`]),
    ...c.options.flatMap((o, j) => uncredited(o.sources, `checkins[${i}] (id: ${c.id}) → options[${j}] (id: ${o.id}) → sources`)),
  ]);
  if (checkinProblems.length > 0) throw new KnowledgeError(path.join(dir, KNOWLEDGE_FILES.checkins), checkinProblems);

  const checkinDupes = duplicates(checkins.value.checkins.map((c) => c.id));
  if (checkinDupes.length > 0) {
    throw new KnowledgeError(
      path.join(dir, KNOWLEDGE_FILES.checkins),
      checkinDupes.map((id) => `checkins (id: ${id}) → id: used more than once`),
    );
  }

  const smallTalk = existsSync(path.join(dir, KNOWLEDGE_FILES.smallTalk))
    ? parseFile(dir, KNOWLEDGE_FILES.smallTalk, smallTalkFileSchema)
    : { value: { smallTalk: [] }, raw: '' };
  const smallTalkProblems = [
    ...smallTalk.value.smallTalk.flatMap((kind, i) => kind.patterns.flatMap((p, j) => regexProblem(p, `smallTalk[${i}] (id: ${kind.id}) → patterns[${j}]`))),
    ...duplicates(smallTalk.value.smallTalk.map((k) => k.id)).map((id) => `smallTalk (id: ${id}) → id: used more than once`),
  ];
  if (smallTalkProblems.length > 0) throw new KnowledgeError(path.join(dir, KNOWLEDGE_FILES.smallTalk), smallTalkProblems);

  const version = createHash('sha256')
    .update([faq.raw, outOfScope.raw, safety.raw, checkins.raw, lexicon.raw, phrasings.raw, labelled.raw, sources.raw, smallTalk.raw].join('\0'))
    .digest('hex')
    .slice(0, 12);

  return {
    version,
    entries: faq.value.entries,
    outOfScope: outOfScope.value.topics,
    disclaimer: safety.value.disclaimer,
    fallback: safety.value.fallback,
    escalation: safety.value.escalation,
    redFlags: safety.value.redFlags,
    signs: safety.value.signs,
    modifiers: safety.value.modifiers,
    otherProcedures: safety.value.otherProcedures,
    lexicon: lexicon.value,
    phrasings: phrasings.value.phrasings,
    labelled: labelled.value,
    checkins: checkins.value.checkins.sort((a, b) => a.day - b.day),
    sources: sources.value.sources,
    checkinTopics: checkins.value.topics,
    smallTalk: smallTalk.value.smallTalk,
  };
}
