import { z } from 'zod';
import { CreateAccountInput } from './accounts.js';
import { IdSchema, requiredText } from './common.js';
import { CreateContactInput } from './contacts.js';
import { LeadSchema } from './leads.js';
import { CurrencySchema, DateSchema, MoneySchema } from './opportunities.js';

const existing = z.strictObject({ id: IdSchema });

/**
 * Converting a lead (转化): use an existing account and contact or create them (fields left
 * out come from the lead: company, name, title, email, phones, industry, source, campaign…), and
 * optionally open an opportunity. One transaction; a second conversion answers 409.
 */
export const ConvertLeadInput = z
  .strictObject({
    account: z
      .union([existing, z.strictObject({ create: CreateAccountInput.partial() })])
      .default({ create: {} }),
    contact: z
      .union([
        existing,
        z.strictObject({ create: CreateContactInput.omit({ accountId: true }).partial() }),
      ])
      .default({ create: {} }),
    opportunity: z
      .strictObject({
        name: requiredText(200),
        amount: MoneySchema.nullable().optional(),
        currency: CurrencySchema.optional(),
        pipelineId: IdSchema.optional(),
        stageId: IdSchema.optional(),
        expectedCloseDate: DateSchema.nullable().optional(),
      })
      .optional(),
    /** Create the account and contact although they look like existing records. */
    allowDuplicates: z.boolean().optional(),
  })
  .meta({ id: 'LeadConvert' });
export type ConvertLeadInput = z.infer<typeof ConvertLeadInput>;

export const LeadConversionSchema = z
  .object({
    lead: LeadSchema,
    accountId: IdSchema,
    contactId: IdSchema,
    opportunityId: IdSchema.nullable(),
    /** Which of the account and contact the conversion created (else it used existing ones). */
    created: z.object({ account: z.boolean(), contact: z.boolean() }),
    /** Activities and tasks of the lead now also linked to the account, contact and opportunity. */
    moved: z.record(z.string(), z.number().int()),
  })
  .meta({ id: 'LeadConversion' });
export type LeadConversion = z.infer<typeof LeadConversionSchema>;
