import { z } from 'zod';
import { AccountSchema } from './accounts.js';
import { ActivitySchema } from './activities.js';
import { TimestampSchema } from './common.js';
import { ContactSchema } from './contacts.js';
import { OpportunitySchema } from './opportunities.js';
import { TaskSchema } from './tasks.js';

export const MoneySumSchema = z.object({ currency: z.string(), amount: z.string() });

/** Figures at the top of the customer 360 page; null where the caller's role may not see them. */
export const AccountKpisSchema = z.object({
  openPipeline: z.array(MoneySumSchema).nullable(),
  wonRevenue: z.array(MoneySumSchema).nullable(),
  openOpportunities: z.number().int().nullable(),
  lastActivityAt: TimestampSchema.nullable(),
  /** Whole days since the last follow-up activity (null when there never was one). */
  daysSinceLastActivity: z.number().int().nullable(),
  lastWonAt: TimestampSchema.nullable(),
  openTasks: z.number().int().nullable(),
});

/**
 * The customer 360 page in one answer. Each panel is null when the caller's role may not read
 * that kind of record; a later module (quotes, contracts, payments, cases) adds its panel here.
 */
export const AccountOverviewSchema = z
  .object({
    account: AccountSchema,
    kpis: AccountKpisSchema,
    contacts: z.array(ContactSchema).nullable(),
    opportunities: z
      .object({ open: z.array(OpportunitySchema), closed: z.array(OpportunitySchema) })
      .nullable(),
    /** The 20 latest activities on the account, its contacts and its opportunities. */
    activities: z.array(ActivitySchema).nullable(),
    openTasks: z.array(TaskSchema).nullable(),
  })
  .meta({ id: 'AccountOverview' });
export type AccountOverview = z.infer<typeof AccountOverviewSchema>;
