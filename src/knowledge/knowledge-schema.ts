import { z } from 'zod';


const id = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case: lowercase letters, digits and single hyphens');
const text = z.string().trim().min(1, 'must not be empty');

export const faqEntrySchema = z
  .object({
    id,
    question: text,
    alternates: z.array(text).min(8, 'needs at least 8 alternate phrasings'),
    answer: text.max(1500, 'keep answers short: at most 1,500 characters'),
    /** Outlets credited for the answer; each must be listed in sources.yaml. */
    sources: z.array(text).min(1, 'needs at least one credited outlet'),
    tags: z.array(text).default([]),
  })
  .strict();

/** knowledge/faq.yaml */
export const faqFileSchema = z
  .object({
    entries: z.array(faqEntrySchema).min(1),
  })
  .strict();

/** Topics the article does not answer; the matcher declines questions that land near them. */
export const outOfScopeTopicSchema = z
  .object({
    id,
    description: text,
    /** Words or phrases that, present in a question, mark it as this topic (matched on normalised text). */
    terms: z.array(text).default([]),
    examples: z.array(text).min(1, 'needs at least one example question'),
    /**
     * The topic changes what the whole message is about (another procedure, another body part, another
     * cause): its term anywhere in a message counts against every question in it, not only its own clause.
     */
    changesSubject: z.boolean().default(false),
  })
  .strict();

export const outOfScopeFileSchema = z.object({ topics: z.array(outOfScopeTopicSchema) }).strict();

export const redFlagRuleSchema = z
  .object({
    id,
    description: text,
    /** Regular expressions (case-insensitive) tested against the normalised message. */
    patterns: z.array(text).default([]),
    /**
     * Combinations of named signs and modifiers: the rule fires when one sentence matches every name of
     * one of the lists ("bleeding" with "days-later").
     */
    when: z.array(z.array(id).min(1)).default([]),
  })
  .strict()
  .refine((r) => r.patterns.length > 0 || r.when.length > 0, { message: 'needs patterns or when (or both)', path: ['patterns'] });

const namedPatterns = z.record(id, z.array(text).min(1));

/** knowledge/safety.yaml */
export const safetyFileSchema = z
  .object({
    disclaimer: text,
    fallback: text,
    escalation: text,
    /** Named symptom patterns that `when` combinations refer to. */
    signs: namedPatterns.default({}),
    /** Named modifier patterns (worsening, spreading, past the normal course...) for `when`. */
    modifiers: namedPatterns.default({}),
    /**
     * Words naming procedures whose own warning signs are not ours to judge ("my new tattoo is oozing"): a
     * sign in a sentence that names one of them, and not the treatment, is left to that procedure.
     */
    otherProcedures: z.array(text).default([]),
    redFlags: z.array(redFlagRuleSchema).min(1),
  })
  .strict();

const wordList = z.union([z.array(text), text.transform((s) => s.split(/\s+/).filter((w) => w.length > 0))]);

/** knowledge/lexicon.yaml: how people say things (see the file's header). */
export const lexiconFileSchema = z
  .object({
    // Not trimmed: a space at either end of a pattern is part of what it matches.
    rewrites: z.array(z.object({ pattern: z.string().min(1, 'must not be empty'), to: z.string() }).strict()).default([]),
    tokens: z.record(z.string().min(1), text).default({}),
    misspellings: z.record(z.string().min(1), text).default({}),
    concepts: z.record(z.string().regex(/^[a-z0-9]+$/, 'concept names are one lowercase word'), z.array(text).min(1)).default({}),
    contextConcepts: z.array(text).default([]),
    intents: z.array(z.object({ concept: z.string().regex(/^[a-z0-9]+$/), pattern: text }).strict()).default([]),
    /** First words that make a sentence a question even without "?" ("how", "can", "is"). */
    questionOpeners: wordList.default([]),
    /** Words that open a comparison: an out-of-scope term after them is a yardstick, not the subject. */
    comparisonWords: wordList.default([]),
    /**
     * Comparison words that always introduce the thing compared with ("than", "versus"): after one, words no entry
     * is about are that yardstick and do not count ("more painful than having a cannula put in").
     */
    yardstickWords: wordList.default([]),
    /** Words before a comparison that make it a choice ("better than botox"): the other thing is then the subject. */
    choiceWords: wordList.default([]),
    /** Words that point back to what was said before: a short follow-up with one ("will it sting?") continues that question. */
    pointingWords: wordList.default([]),
    /** Words that join two questions in one sentence ("how many sessions and how far apart"). */
    clauseJoiners: wordList.default([]),
    /** Words that deny what follows ("no pain", "doesnt hurt"): a clause does not name what it denies, and a warning sign just after one does not count. */
    negations: wordList.default([]),
    /**
     * Words, or word sequences, that end a negation's reach before a warning sign: a new clause ("no pain but
     * the bleeding wont stop", "i didnt mention it and the bleeding wont stop"). One per entry.
     */
    negationBreaks: z.array(text).default([]),
    /** Greetings a message may open with before its question ("good evening, how many sessions..."). */
    greetings: z.array(text).default([]),
    /** Phrases that make a clause a question without "?" ("wants to know if", "whether"). */
    indirectQuestions: z.array(text).default([]),
    /**
     * Phrases that say the treatment is not involved ("no needling or anything", "not from any treatment"), and the
     * concepts and words they may deny: a message that says so and never names the treatment otherwise is declined.
     */
    disclaimers: z
      .object({ openers: z.array(text).default([]), concepts: wordList.default([]), words: wordList.default([]) })
      .strict()
      .default({ openers: [], concepts: [], words: [] }),
    /** Openers of another cause for a symptom ("because of", "from", "when im"), one per entry. */
    causeOpeners: z.array(text).default([]),
    /** Verbs before "like" that describe the skin rather than compare ("i look like i have a sunburn"). */
    describingWords: wordList.default([]),
    /** Words that stand for the treatment itself in a question ("how long does it take"). */
    subjectWords: wordList.default([]),
    stopwords: wordList.default([]),
    everydayWords: wordList.default([]),
    commonWords: wordList.default([]),
  })
  .strict()
  .superRefine((lexicon, ctx) => {
    // A concept named here but defined nowhere would deny nothing, silently.
    lexicon.disclaimers.concepts.forEach((concept, i) => {
      if (!Object.hasOwn(lexicon.concepts, concept)) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['disclaimers', 'concepts', i], message: `"${concept}" is not one of the concepts above` });
      }
    });
  });

/**
 * knowledge/phrasings.yaml: real questions, labelled, that teach the matcher how people ask (as question
 * answering services add real questions as alternates). Keys are FAQ entry ids or out-of-scope topic ids.
 */
export const phrasingsFileSchema = z.object({ phrasings: z.record(id, z.array(text)).default({}) }).strict();

/**
 * knowledge/labelled-questions.yaml: real questions with the outcome each should get. A classifier learns
 * from them (see phrasing-classifier.ts). Keys of `answered` are FAQ entry ids.
 */
export const labelledQuestionsFileSchema = z
  .object({
    answered: z.record(id, z.array(text)).default({}),
    declined: z.array(text).default([]),
    warnings: z.array(text).default([]),
  })
  .strict();
export type LabelledQuestions = z.infer<typeof labelledQuestionsFileSchema>;

export const checkinOptionSchema = z
  .object({
    id,
    label: text.max(80),
    /** Words that pick this option when the user answers in text (normalised, whole words). */
    keywords: z.array(text).default([]),
    guidance: text,
    sources: z.array(text).default([]),
    escalate: z.boolean().default(false),
  })
  .strict();

export const checkinSchema = z
  .object({
    id,
    day: z.number().int().min(0).max(30),
    /** One of the plan's `topics`. */
    topic: id,
    message: text,
    options: z.array(checkinOptionSchema).max(4).default([]),
    /** How many hours after its due time the check-in may still be sent; later it is expired. */
    sendWithinHours: z.number().positive().max(48),
  })
  .strict();

/** knowledge/checkins.yaml */
export const checkinsFileSchema = z
  .object({
    /** What check-ins ask about (each check-in names one). */
    topics: z.array(id).min(1),
    checkins: z.array(checkinSchema).min(1),
  })
  .strict();

/** knowledge/sources.yaml: the outlets answers may credit. */
export const sourcesFileSchema = z.object({ sources: z.array(text).min(1) }).strict();

/** One kind of small talk (thanks, hello...): whole-message patterns and the short reply (small-talk.yaml). */
export const smallTalkSchema = z
  .object({
    id,
    /** Case-insensitive regular expressions, anchored at both ends, over the message in its small-talk form. */
    patterns: z.array(text).min(1, 'needs at least one pattern'),
    reply: text.max(600, 'keep small talk short: at most 600 characters'),
  })
  .strict();

/** knowledge/small-talk.yaml (optional) */
export const smallTalkFileSchema = z.object({ smallTalk: z.array(smallTalkSchema).default([]) }).strict();

export type FaqEntry = z.infer<typeof faqEntrySchema>;
export type OutOfScopeTopic = z.infer<typeof outOfScopeTopicSchema>;
export type RedFlagRule = z.infer<typeof redFlagRuleSchema>;
export type Lexicon = z.infer<typeof lexiconFileSchema>;
export type Checkin = z.infer<typeof checkinSchema>;
export type CheckinOption = z.infer<typeof checkinOptionSchema>;
export type SmallTalk = z.infer<typeof smallTalkSchema>;

export interface Knowledge {
  /** Content hash of all files: changes whenever any answer changes. */
  version: string;
  entries: FaqEntry[];
  outOfScope: OutOfScopeTopic[];
  disclaimer: string;
  fallback: string;
  escalation: string;
  redFlags: RedFlagRule[];
  signs: Record<string, string[]>;
  modifiers: Record<string, string[]>;
  /** Words naming other procedures, whose warning signs are theirs (safety.yaml `otherProcedures`). */
  otherProcedures: string[];
  lexicon: Lexicon;
  /** Labelled real questions by entry or topic id (knowledge/phrasings.yaml, optional). */
  phrasings: Record<string, string[]>;
  /** Real questions with the outcome each should get (knowledge/labelled-questions.yaml, optional). */
  labelled: LabelledQuestions;
  checkins: Checkin[];
  /** Outlets answers may credit (sources.yaml). */
  sources: string[];
  /** What check-ins ask about (checkins.yaml). */
  checkinTopics: string[];
  /** Short replies to thanks, hello and the like, which are not questions (small-talk.yaml, optional). */
  smallTalk: SmallTalk[];
}
