import { z } from 'zod';
import { IdSchema, ProblemSchema } from './common.js';

/** Objects with a duplicate check (查重) and merge. */
export const DUPLICATE_OBJECTS = ['account', 'contact', 'lead'] as const;
export type DuplicateObject = (typeof DUPLICATE_OBJECTS)[number];

/**
 * What may count as a duplicate, per object. Names are compared after normalizing (case,
 * full-width characters, punctuation, legal forms such as 有限公司 or Inc.), email addresses in
 * lowercase, phone numbers by their digits (without +86), domains from the website or a
 * company email address (free-mail domains are ignored), credit codes uppercase.
 * A lead is also checked against contacts (email, phone) and accounts (company, domain).
 */
export const DUPLICATE_RULE_KEYS = {
  account: ['name', 'creditCode', 'domain', 'phone'],
  contact: ['email', 'phone'],
  lead: ['email', 'phone', 'company', 'domain'],
} as const satisfies Record<DuplicateObject, readonly string[]>;
export type DuplicateRuleKey = (typeof DUPLICATE_RULE_KEYS)[DuplicateObject][number];

/** The rules of a workspace until an administrator changes them. */
export const DEFAULT_DUPLICATE_RULES = {
  account: ['name', 'creditCode', 'domain'],
  contact: ['email', 'phone'],
  lead: ['email', 'phone', 'company'],
} as const satisfies { [O in DuplicateObject]: readonly (typeof DUPLICATE_RULE_KEYS)[O][number][] };

const ruleList = <O extends DuplicateObject>(object: O) =>
  z.array(z.enum(DUPLICATE_RULE_KEYS[object])).transform((keys) => [...new Set(keys)]);

/** The keys that count as a duplicate, per object; an empty list turns the check off. */
export const DuplicateRulesSchema = z
  .object({
    account: z.array(z.enum(DUPLICATE_RULE_KEYS.account)),
    contact: z.array(z.enum(DUPLICATE_RULE_KEYS.contact)),
    lead: z.array(z.enum(DUPLICATE_RULE_KEYS.lead)),
  })
  .meta({ id: 'DuplicateRules' });
export type DuplicateRules = z.infer<typeof DuplicateRulesSchema>;
export const UpdateDuplicateRulesInput = z
  .strictObject({
    account: ruleList('account'),
    contact: ruleList('contact'),
    lead: ruleList('lead'),
  })
  .meta({ id: 'DuplicateRulesUpdate' });
export type UpdateDuplicateRulesInput = z.infer<typeof UpdateDuplicateRulesInput>;

/**
 * A record that matches the one being saved. Only its name and owner are shown; `visible`
 * says whether the caller may open it.
 */
export const DuplicateMatchSchema = z
  .object({
    object: z.enum(DUPLICATE_OBJECTS),
    id: IdSchema,
    name: z.string(),
    ownerId: IdSchema.nullable(),
    ownerName: z.string().nullable(),
    /** The rules (of the object being saved) it matched on, e.g. ["name", "domain"]. */
    matchedOn: z.array(z.string()),
    visible: z.boolean(),
  })
  .meta({ id: 'DuplicateMatch' });
export type DuplicateMatch = z.infer<typeof DuplicateMatchSchema>;

/** A 409 problem; with code `duplicate` it lists the matching records. */
export const DuplicateProblemSchema = ProblemSchema.extend({
  duplicates: z.array(DuplicateMatchSchema).optional(),
}).meta({ id: 'DuplicateProblem' });
export type DuplicateProblem = z.infer<typeof DuplicateProblemSchema>;

/** `?allowDuplicates=true` saves although the record matches others. */
export const AllowDuplicatesQuerySchema = z.object({
  allowDuplicates: z.enum(['true', 'false']).optional(),
});

/** A duplicate check without saving: the fields of the record as typed so far. */
export const DuplicateCheckQuerySchema = z.object({
  object: z.enum(DUPLICATE_OBJECTS),
  name: z.string().max(200).optional(),
  company: z.string().max(200).optional(),
  email: z.string().max(254).optional(),
  phone: z.string().max(40).optional(),
  website: z.string().max(255).optional(),
  creditCode: z.string().max(40).optional(),
  /** The record being edited, left out of the answer. */
  excludeId: IdSchema.optional(),
});
export type DuplicateCheckQuery = z.infer<typeof DuplicateCheckQuerySchema>;
export const DuplicateCheckResponseSchema = z.object({ data: z.array(DuplicateMatchSchema) });

export const MERGE_CHOICES = ['survivor', 'merged'] as const;
/**
 * Merges `mergedId` into `survivorId`: for each field named in `values` the survivor takes the
 * merged record's value when the choice is `merged`; every linked record moves to the survivor
 * and the merged record goes to the trash.
 */
export const MergeInput = z
  .strictObject({
    survivorId: IdSchema,
    mergedId: IdSchema,
    values: z.record(z.string(), z.enum(MERGE_CHOICES)).default({}),
  })
  .meta({ id: 'MergeInput' });
export type MergeInput = z.infer<typeof MergeInput>;

/** The survivor after the merge and how many linked records moved, by kind ("contacts": 3). */
export const mergeResultSchema = <T extends z.ZodType>(record: T) =>
  z.object({ survivor: record, moved: z.record(z.string(), z.number().int()) });
