import { z } from 'zod';

/** The outlets the article credits. An answer may only cite these. */
export const OUTLETS = ['Healthline', 'WebMD', 'NewBeauty', 'Medical News Today'] as const;

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
    sources: z.array(z.enum(OUTLETS)).min(1, 'needs at least one credited outlet'),
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
  })
  .strict();

export const outOfScopeFileSchema = z.object({ topics: z.array(outOfScopeTopicSchema) }).strict();

export const redFlagRuleSchema = z
  .object({
    id,
    description: text,
    /** Regular expressions (case-insensitive) tested against the normalised question. */
    patterns: z.array(text).min(1),
  })
  .strict();

/** knowledge/safety.yaml */
export const safetyFileSchema = z
  .object({
    disclaimer: text,
    fallback: text,
    escalation: text,
    redFlags: z.array(redFlagRuleSchema).min(1),
  })
  .strict();

export const checkinOptionSchema = z
  .object({
    id,
    label: text.max(80),
    /** Words that pick this option when the user answers in text (normalised, whole words). */
    keywords: z.array(text).default([]),
    guidance: text,
    sources: z.array(z.enum(OUTLETS)).default([]),
    escalate: z.boolean().default(false),
  })
  .strict();

export const checkinSchema = z
  .object({
    id,
    day: z.number().int().min(0).max(30),
    topic: z.enum(['redness', 'peeling', 'sunscreen', 'final']),
    message: text,
    options: z.array(checkinOptionSchema).max(4).default([]),
    /** How many hours after its due time the check-in may still be sent; later it is expired. */
    sendWithinHours: z.number().positive().max(48),
  })
  .strict();

/** knowledge/checkins.yaml */
export const checkinsFileSchema = z.object({ checkins: z.array(checkinSchema).min(1) }).strict();

export type FaqEntry = z.infer<typeof faqEntrySchema>;
export type OutOfScopeTopic = z.infer<typeof outOfScopeTopicSchema>;
export type RedFlagRule = z.infer<typeof redFlagRuleSchema>;
export type Checkin = z.infer<typeof checkinSchema>;
export type CheckinOption = z.infer<typeof checkinOptionSchema>;

export interface Knowledge {
  /** Content hash of all files: changes whenever any answer changes. */
  version: string;
  entries: FaqEntry[];
  outOfScope: OutOfScopeTopic[];
  disclaimer: string;
  fallback: string;
  escalation: string;
  redFlags: RedFlagRule[];
  checkins: Checkin[];
}
