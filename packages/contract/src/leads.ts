import { z } from 'zod';
import { ACCOUNT_INDUSTRIES, ACCOUNT_SOURCES } from './accounts.js';
import {
  IdSchema,
  optionalText,
  RecordMetaSchema,
  requiredText,
  TimestampSchema,
} from './common.js';
import { emailInput, phonesInput } from './contacts.js';
import { PooledFieldsSchema } from './pools.js';

export const LEAD_STATUSES = [
  'new',
  'working',
  'nurturing',
  'qualified',
  'disqualified',
  'converted',
] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];
/** Statuses a person may set; `converted` is set only by converting the lead. */
export const SETTABLE_LEAD_STATUSES = [
  'new',
  'working',
  'nurturing',
  'qualified',
  'disqualified',
] as const satisfies readonly LeadStatus[];

export const LIFECYCLE_STAGES = [
  'subscriber',
  'lead',
  'mql',
  'sql',
  'opportunity',
  'customer',
] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

/** Where a lead (and the account, contact and opportunity made from it) came from. */
export const LEAD_SOURCES = ACCOUNT_SOURCES;

const leadFields = {
  name: requiredText(120),
  company: optionalText(200),
  title: optionalText(120),
  email: emailInput,
  phones: phonesInput.optional(),
  wechat: optionalText(64),
  source: z.enum(LEAD_SOURCES).nullable().optional(),
  campaign: optionalText(120),
  industry: z.enum(ACCOUNT_INDUSTRIES).nullable().optional(),
  region: optionalText(80),
  status: z.enum(SETTABLE_LEAD_STATUSES).optional(),
  /** Required when the status is `disqualified`. */
  disqualifyReason: optionalText(500),
  lifecycleStage: z.enum(LIFECYCLE_STAGES).optional(),
  ownerId: IdSchema.optional(),
  /** Workspace administrators only; new leads default to the first lead pool. */
  poolId: IdSchema.optional(),
  notes: optionalText(10_000),
  custom: z.record(z.string(), z.unknown()).optional(),
};

export const CreateLeadInput = z.strictObject(leadFields).meta({ id: 'LeadCreate' });
export type CreateLeadInput = z.infer<typeof CreateLeadInput>;
export const UpdateLeadInput = z
  .strictObject({ ...leadFields, name: leadFields.name.optional() })
  .meta({ id: 'LeadUpdate' });
export type UpdateLeadInput = z.infer<typeof UpdateLeadInput>;

export const LeadSchema = RecordMetaSchema.extend({
  name: z.string(),
  company: z.string().nullable(),
  title: z.string().nullable(),
  email: z.string().nullable(),
  phones: z.array(z.object({ label: z.string(), number: z.string() })),
  wechat: z.string().nullable(),
  source: z.enum(LEAD_SOURCES).nullable(),
  campaign: z.string().nullable(),
  industry: z.enum(ACCOUNT_INDUSTRIES).nullable(),
  region: z.string().nullable(),
  status: z.enum(LEAD_STATUSES),
  disqualifyReason: z.string().nullable(),
  lifecycleStage: z.enum(LIFECYCLE_STAGES),
  ...PooledFieldsSchema.shape,
  notes: z.string().nullable(),
  /** Newest activity logged on the lead; set by the server. */
  lastActivityAt: TimestampSchema.nullable(),
  convertedAt: TimestampSchema.nullable(),
  convertedAccountId: IdSchema.nullable(),
  convertedContactId: IdSchema.nullable(),
  convertedOpportunityId: IdSchema.nullable(),
  /** Set when the lead was merged into another one (it is then in the trash). */
  mergedIntoId: IdSchema.nullable(),
}).meta({ id: 'Lead' });
export type Lead = z.infer<typeof LeadSchema>;
