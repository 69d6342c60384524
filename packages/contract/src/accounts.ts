import { z } from 'zod';
import {
  IdSchema,
  optionalText,
  RecordMetaSchema,
  requiredText,
  TimestampSchema,
} from './common.js';
import { PooledFieldsSchema } from './pools.js';

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

const CREDIT_CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/**
 * Whether `code` is a unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters
 * from the code's alphabet whose last one is the check character of the first 17.
 */
export function isValidCreditCode(code: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_CODE_CHARS.indexOf(code[i]) * CREDIT_CODE_WEIGHTS[i];
  return CREDIT_CODE_CHARS[(31 - (sum % 31)) % 31] === code[17];
}

const creditCode = z
  .string()
  .trim()
  .max(40)
  .transform((v) => v.replace(/[\s-]/g, '').toUpperCase())
  .refine((v) => v === '' || isValidCreditCode(v), {
    message: 'must be an 18-character unified social credit code with a valid check character',
    params: { format: 'creditCode' },
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
  creditCode,
  tier: z.enum(ACCOUNT_TIERS).nullable().optional(),
  source: z.enum(ACCOUNT_SOURCES).nullable().optional(),
  campaign: optionalText(120),
  status: z.enum(ACCOUNT_STATUSES).optional(),
  ownerId: IdSchema.optional(),
  /** Workspace administrators only; new accounts default to the first account pool. */
  poolId: IdSchema.optional(),
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
  creditCode: z.string().nullable(),
  tier: z.enum(ACCOUNT_TIERS).nullable(),
  source: z.enum(ACCOUNT_SOURCES).nullable(),
  campaign: z.string().nullable(),
  status: z.enum(ACCOUNT_STATUSES),
  ...PooledFieldsSchema.shape,
  tags: z.array(z.string()),
  notes: z.string().nullable(),
  contactCount: z.number().int().optional(),
  /** Set when the account was merged into another one (it is then in the trash). */
  mergedIntoId: IdSchema.nullable(),
  /** When the newest activity on the account happened; maintained by the server. */
  lastActivityAt: TimestampSchema.nullable(),
}).meta({ id: 'Account' });
export type Account = z.infer<typeof AccountSchema>;
