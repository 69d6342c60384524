import { z } from 'zod';
import { ACCOUNT_SOURCES } from './accounts.js';
import { IdSchema, optionalText, RecordMetaSchema, requiredText } from './common.js';

export const BUYING_ROLES = [
  'decision_maker',
  'influencer',
  'user',
  'finance',
  'technical',
  'other',
] as const;
export type BuyingRole = (typeof BUYING_ROLES)[number];

/** An optional email address, stored lowercased; empty means none. */
export const emailInput = z
  .string()
  .trim()
  .max(254)
  .refine((v) => v === '' || z.email().safeParse(v).success, {
    message: 'must be an email address such as name@example.com',
    params: { format: 'email' },
  })
  .transform((v) => (v === '' ? null : v.toLowerCase()))
  .nullable()
  .optional();

/** Labelled phone numbers (at most 10). */
export const phonesInput = z
  .array(
    z.object({
      label: z.enum(['mobile', 'work', 'home', 'other']).default('mobile'),
      number: z
        .string()
        .trim()
        .min(3, { message: 'must be a phone number' })
        .max(40)
        .refine((v) => /^[+\d][\d\s()\-–.ext#]{2,}$/i.test(v), {
          message: 'must be a phone number',
          params: { format: 'phone' },
        }),
    }),
  )
  .max(10, { message: 'at most 10 phone numbers' });

const contactFields = {
  name: requiredText(120),
  title: optionalText(120),
  department: optionalText(120),
  email: emailInput,
  phones: phonesInput.optional(),
  wechat: optionalText(64),
  buyingRole: z.enum(BUYING_ROLES).nullable().optional(),
  source: z.enum(ACCOUNT_SOURCES).nullable().optional(),
  campaign: optionalText(120),
  accountId: IdSchema.nullable().optional(),
  /** The contact's manager: another contact at the same account (the org chart). */
  reportsToId: IdSchema.nullable().optional(),
  ownerId: IdSchema.optional(),
  notes: optionalText(10_000),
  custom: z.record(z.string(), z.unknown()).optional(),
};

export const CreateContactInput = z.strictObject(contactFields).meta({ id: 'ContactCreate' });
export type CreateContactInput = z.infer<typeof CreateContactInput>;
export const UpdateContactInput = z
  .strictObject({
    ...contactFields,
    name: contactFields.name.optional(),
  })
  .meta({ id: 'ContactUpdate' });
export type UpdateContactInput = z.infer<typeof UpdateContactInput>;

export const ContactSchema = RecordMetaSchema.extend({
  name: z.string(),
  title: z.string().nullable(),
  department: z.string().nullable(),
  email: z.string().nullable(),
  phones: z.array(z.object({ label: z.string(), number: z.string() })),
  wechat: z.string().nullable(),
  buyingRole: z.enum(BUYING_ROLES).nullable(),
  source: z.enum(ACCOUNT_SOURCES).nullable(),
  campaign: z.string().nullable(),
  accountId: IdSchema.nullable(),
  accountName: z.string().nullable().optional(),
  /** The contact's manager at the same account; null at the top of the account's org chart. */
  reportsToId: IdSchema.nullable(),
  reportsToName: z.string().nullable().optional(),
  ownerId: IdSchema,
  notes: z.string().nullable(),
  /** Set when the contact was merged into another one (it is then in the trash). */
  mergedIntoId: IdSchema.nullable(),
}).meta({ id: 'Contact' });
export type Contact = z.infer<typeof ContactSchema>;
