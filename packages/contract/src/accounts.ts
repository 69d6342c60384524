import { z } from 'zod';
import { IdSchema, optionalText, RecordMetaSchema, requiredText } from './common.js';

export const ACCOUNT_INDUSTRIES = [
  'manufacturing',
  'software',
  'internet',
  'finance',
  'retail',
  'healthcare',
  'education',
  'logistics',
  'energy',
  'construction',
  'professional_services',
  'government',
  'other',
] as const;
export const ACCOUNT_SIZES = ['1-10', '11-50', '51-200', '201-1000', '1001-5000', '5000+'] as const;
export const ACCOUNT_TIERS = ['A', 'B', 'C', 'D'] as const;
export const ACCOUNT_STATUSES = ['prospect', 'active', 'dormant', 'churned'] as const;
export const ACCOUNT_SOURCES = [
  'website',
  'referral',
  'trade_show',
  'cold_call',
  'partner',
  'advertising',
  'social',
  'other',
] as const;

const tags = z
  .array(z.string().trim().min(1).max(40))
  .max(30, { message: 'at most 30 tags' })
  .transform((t) => [...new Set(t)]);

const website = z
  .string()
  .trim()
  .max(255)
  .refine((v) => v === '' || /^(https?:\/\/)?[\w.-]+\.[a-z]{2,}(\/\S*)?$/i.test(v), {
    message: 'must be a web address such as example.com',
    params: { format: 'website' },
  })
  .transform((v) => (v === '' ? null : v))
  .nullable()
  .optional();

const phone = z
  .string()
  .trim()
  .max(40)
  .refine((v) => v === '' || /^[+\d][\d\s()\-–.ext#]{2,}$/i.test(v), {
    message: 'must be a phone number',
    params: { format: 'phone' },
  })
  .transform((v) => (v === '' ? null : v))
  .nullable()
  .optional();

const accountFields = {
  name: requiredText(200),
  industry: z.enum(ACCOUNT_INDUSTRIES).nullable().optional(),
  size: z.enum(ACCOUNT_SIZES).nullable().optional(),
  country: optionalText(80),
  province: optionalText(80),
  city: optionalText(80),
  address: optionalText(500),
  website,
  phone,
  tier: z.enum(ACCOUNT_TIERS).nullable().optional(),
  source: z.enum(ACCOUNT_SOURCES).nullable().optional(),
  status: z.enum(ACCOUNT_STATUSES).optional(),
  ownerId: IdSchema.optional(),
  tags: tags.optional(),
  notes: optionalText(10_000),
  custom: z.record(z.string(), z.unknown()).optional(),
};

export const CreateAccountInput = z.strictObject(accountFields).meta({ id: 'AccountCreate' });
export type CreateAccountInput = z.infer<typeof CreateAccountInput>;
export const UpdateAccountInput = z
  .strictObject({
    ...accountFields,
    name: accountFields.name.optional(),
  })
  .meta({ id: 'AccountUpdate' });
export type UpdateAccountInput = z.infer<typeof UpdateAccountInput>;

export const AccountSchema = RecordMetaSchema.extend({
  name: z.string(),
  industry: z.enum(ACCOUNT_INDUSTRIES).nullable(),
  size: z.enum(ACCOUNT_SIZES).nullable(),
  country: z.string().nullable(),
  province: z.string().nullable(),
  city: z.string().nullable(),
  address: z.string().nullable(),
  website: z.string().nullable(),
  phone: z.string().nullable(),
  tier: z.enum(ACCOUNT_TIERS).nullable(),
  source: z.enum(ACCOUNT_SOURCES).nullable(),
  status: z.enum(ACCOUNT_STATUSES),
  ownerId: IdSchema,
  tags: z.array(z.string()),
  notes: z.string().nullable(),
  contactCount: z.number().int().optional(),
}).meta({ id: 'Account' });
export type Account = z.infer<typeof AccountSchema>;
