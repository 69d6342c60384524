import { z } from 'zod';
import { ACCOUNT_SOURCES } from './accounts.js';
import {
  IdSchema,
  optionalText,
  RecordMetaSchema,
  requiredText,
  TimestampSchema,
} from './common.js';
import { BUYING_ROLES } from './contacts.js';

/** open: still being worked; won / lost: closed (every pipeline has one won and ≥ 1 lost stage). */
export const STAGE_KINDS = ['open', 'won', 'lost'] as const;
export type StageKind = (typeof STAGE_KINDS)[number];

/** Opportunity fields a stage can require before an opportunity may enter it. */
export const STAGE_REQUIRED_FIELDS = [
  'amount',
  'expectedCloseDate',
  'contactId',
  'nextStep',
  'competitors',
  'lossReason',
] as const;
export type StageRequiredField = (typeof STAGE_REQUIRED_FIELDS)[number];

export const FORECAST_CATEGORIES = ['pipeline', 'best_case', 'commit', 'closed'] as const;
export type ForecastCategory = (typeof FORECAST_CATEGORIES)[number];

/** Where the deal came from: the same channels as accounts (a converted lead keeps its own). */
export const OPPORTUNITY_SOURCES = ACCOUNT_SOURCES;

/** A money amount as a decimal string: "1200", "1200.5" → "1200.50" (numeric(18,2)). */
export const MoneySchema = z
  .string()
  .trim()
  .refine((v) => /^\d{1,16}(\.\d{1,2})?$/.test(v), {
    message: 'must be an amount such as 1200 or 1200.50 (at most 2 decimals)',
    params: { format: 'money' },
  })
  .transform((v) => {
    const [whole, cents = ''] = v.split('.');
    return `${whole.replace(/^0+(?=\d)/, '')}.${cents.padEnd(2, '0')}`;
  });

const knownCurrencies = (): Set<string> | null => {
  const intl = Intl as { supportedValuesOf?: (key: string) => string[] };
  return intl.supportedValuesOf ? new Set(intl.supportedValuesOf('currency')) : null;
};
let currencies: Set<string> | null | undefined;

/** ISO 4217 code such as CNY, USD, EUR. */
export const CurrencySchema = z
  .string()
  .trim()
  .toUpperCase()
  .refine(
    (v) => {
      currencies ??= knownCurrencies();
      return /^[A-Z]{3}$/.test(v) && (currencies === null || currencies.has(v));
    },
    {
      message: 'must be an ISO 4217 currency code such as CNY or USD',
      params: { format: 'currency' },
    },
  );

/** A calendar day, YYYY-MM-DD. */
export const DateSchema = z.iso.date({ message: 'must be a date such as 2026-03-31' });

// ---------------------------------------------------------------------------------- pipelines

export const PipelineStageSchema = z
  .object({
    id: IdSchema,
    name: z.string(),
    probability: z.number().int(),
    kind: z.enum(STAGE_KINDS),
    requiredFields: z.array(z.enum(STAGE_REQUIRED_FIELDS)),
    position: z.number().int(),
  })
  .meta({ id: 'PipelineStage' });
export type PipelineStage = z.infer<typeof PipelineStageSchema>;

export const PipelineSchema = z
  .object({
    id: IdSchema,
    name: z.string(),
    position: z.number().int(),
    stages: z.array(PipelineStageSchema),
    createdAt: TimestampSchema,
    updatedAt: TimestampSchema,
  })
  .meta({ id: 'Pipeline' });
export type Pipeline = z.infer<typeof PipelineSchema>;

const requiredFields = z
  .array(z.enum(STAGE_REQUIRED_FIELDS))
  .max(STAGE_REQUIRED_FIELDS.length)
  .transform((fields) => [...new Set(fields)]);

const stageFields = {
  name: requiredText(60),
  probability: z.number().int().min(0).max(100),
  kind: z.enum(STAGE_KINDS),
  requiredFields: requiredFields.optional(),
};

export const CreateStageInput = z
  .strictObject({
    ...stageFields,
    /** 0-based place among the pipeline's stages; at the end when left out. */
    position: z.number().int().min(0).optional(),
  })
  .meta({ id: 'PipelineStageCreate' });
export type CreateStageInput = z.infer<typeof CreateStageInput>;

export const UpdateStageInput = z
  .strictObject({
    name: stageFields.name.optional(),
    probability: stageFields.probability.optional(),
    kind: stageFields.kind.optional(),
    requiredFields: requiredFields.optional(),
  })
  .meta({ id: 'PipelineStageUpdate' });
export type UpdateStageInput = z.infer<typeof UpdateStageInput>;

export const ReorderStagesInput = z
  .strictObject({ stageIds: z.array(IdSchema).min(1).max(30) })
  .meta({ id: 'PipelineStageOrder' });
export type ReorderStagesInput = z.infer<typeof ReorderStagesInput>;

export const CreatePipelineInput = z
  .strictObject({
    name: requiredText(80),
    /** In order; exactly one won stage, at least one lost and one open stage. */
    stages: z.array(z.strictObject(stageFields)).min(3).max(30),
  })
  .meta({ id: 'PipelineCreate' });
export type CreatePipelineInput = z.infer<typeof CreatePipelineInput>;

export const UpdatePipelineInput = z
  .strictObject({
    name: requiredText(80).optional(),
    /** 0-based place among the workspace's pipelines; the first one is the default. */
    position: z.number().int().min(0).optional(),
  })
  .meta({ id: 'PipelineUpdate' });
export type UpdatePipelineInput = z.infer<typeof UpdatePipelineInput>;

export const PipelineStageParamsSchema = z.object({ id: IdSchema, stageId: IdSchema });

// ------------------------------------------------------------------------------ opportunities

const competitors = z
  .array(z.string().trim().min(1).max(80))
  .max(20, { message: 'at most 20 competitors' })
  .transform((list) => [...new Set(list)]);

const opportunityFields = {
  name: requiredText(200),
  accountId: IdSchema,
  contactId: IdSchema.nullable().optional(),
  pipelineId: IdSchema.optional(),
  stageId: IdSchema.optional(),
  amount: MoneySchema.nullable().optional(),
  currency: CurrencySchema.optional(),
  probability: z.number().int().min(0).max(100).optional(),
  expectedCloseDate: DateSchema.nullable().optional(),
  forecastCategory: z.enum(FORECAST_CATEGORIES).optional(),
  source: z.enum(OPPORTUNITY_SOURCES).nullable().optional(),
  campaign: optionalText(200),
  competitors: competitors.optional(),
  nextStep: optionalText(500),
  lossReason: optionalText(2000),
  ownerId: IdSchema.optional(),
  notes: optionalText(10_000),
  custom: z.record(z.string(), z.unknown()).optional(),
};

export const CreateOpportunityInput = z
  .strictObject(opportunityFields)
  .meta({ id: 'OpportunityCreate' });
export type CreateOpportunityInput = z.infer<typeof CreateOpportunityInput>;

export const UpdateOpportunityInput = z
  .strictObject({
    ...opportunityFields,
    name: opportunityFields.name.optional(),
    accountId: opportunityFields.accountId.optional(),
  })
  .meta({ id: 'OpportunityUpdate' });
export type UpdateOpportunityInput = z.infer<typeof UpdateOpportunityInput>;

export const OpportunitySchema = RecordMetaSchema.extend({
  name: z.string(),
  accountId: IdSchema,
  accountName: z.string().nullable().optional(),
  contactId: IdSchema.nullable(),
  pipelineId: IdSchema,
  stageId: IdSchema,
  amount: z.string().nullable(),
  currency: z.string(),
  probability: z.number().int(),
  expectedCloseDate: z.string().nullable(),
  forecastCategory: z.enum(FORECAST_CATEGORIES).nullable(),
  source: z.enum(OPPORTUNITY_SOURCES).nullable(),
  campaign: z.string().nullable(),
  competitors: z.array(z.string()),
  nextStep: z.string().nullable(),
  lossReason: z.string().nullable(),
  closedAt: TimestampSchema.nullable(),
  stageEnteredAt: TimestampSchema,
  ownerId: IdSchema,
  notes: z.string().nullable(),
}).meta({ id: 'Opportunity' });
export type Opportunity = z.infer<typeof OpportunitySchema>;

// ----------------------------------------------------------------------------- stage history

export const StageChangeSchema = z
  .object({
    id: IdSchema,
    fromStageId: IdSchema.nullable(),
    fromStageName: z.string().nullable(),
    toStageId: IdSchema,
    toStageName: z.string().nullable(),
    at: TimestampSchema,
    actorId: IdSchema.nullable(),
    actorName: z.string().nullable(),
    /** Seconds the opportunity spent in the stage it left; null for the first stage. */
    durationSeconds: z.number().int().nullable(),
  })
  .meta({ id: 'StageChange' });
export type StageChange = z.infer<typeof StageChangeSchema>;
export const StageHistoryResponseSchema = z.object({ data: z.array(StageChangeSchema) });

// ----------------------------------------------------------------------------- contact roles

export const OpportunityContactSchema = z
  .object({
    contactId: IdSchema,
    /** Null when the contact is out of the viewer's data scope. */
    contactName: z.string().nullable(),
    title: z.string().nullable(),
    buyingRole: z.enum(BUYING_ROLES).nullable(),
    isPrimary: z.boolean(),
  })
  .meta({ id: 'OpportunityContact' });
export type OpportunityContact = z.infer<typeof OpportunityContactSchema>;
export const OpportunityContactsResponseSchema = z.object({
  data: z.array(OpportunityContactSchema),
});

export const SetOpportunityContactsInput = z
  .strictObject({
    contacts: z
      .array(
        z.strictObject({
          contactId: IdSchema,
          buyingRole: z.enum(BUYING_ROLES).nullable().optional(),
          isPrimary: z.boolean().optional(),
        }),
      )
      .max(50, { message: 'at most 50 contacts' }),
  })
  .meta({ id: 'OpportunityContactsSet' });
export type SetOpportunityContactsInput = z.infer<typeof SetOpportunityContactsInput>;

// ------------------------------------------------------------------------------------ board

export const BOARD_SORTS = ['expectedCloseDate', '-updatedAt'] as const;
export type BoardSort = (typeof BOARD_SORTS)[number];

export const BoardQuerySchema = z.object({
  pipelineId: IdSchema.optional(),
  filter: z.string().max(10_000).optional(),
  q: z.string().max(200).optional(),
  sort: z.enum(BOARD_SORTS).default('expectedCloseDate'),
  /** Cards per column. */
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type BoardQuery = z.infer<typeof BoardQuerySchema>;

export const BoardColumnQuerySchema = BoardQuerySchema.extend({
  cursor: z.string().max(2000).optional(),
});
export type BoardColumnQuery = z.infer<typeof BoardColumnQuerySchema>;

export const MoneyTotalSchema = z.object({
  currency: z.string(),
  amount: z.string(),
  /** Sum of amount × probability. */
  weighted: z.string(),
});
export type MoneyTotal = z.infer<typeof MoneyTotalSchema>;

export const BoardColumnSchema = z
  .object({
    stageId: IdSchema,
    count: z.number().int(),
    /** Per currency; empty when the role hides amounts. */
    totals: z.array(MoneyTotalSchema),
    cards: z.array(OpportunitySchema),
    /** Continues this column at GET /opportunities/board/stages/{stageId}. */
    nextCursor: z.string().nullable(),
  })
  .meta({ id: 'BoardColumn' });
export type BoardColumn = z.infer<typeof BoardColumnSchema>;

export const BoardSchema = z
  .object({
    pipeline: PipelineSchema,
    sort: z.enum(BOARD_SORTS),
    columns: z.array(BoardColumnSchema),
  })
  .meta({ id: 'Board' });
export type Board = z.infer<typeof BoardSchema>;
export const BoardStageParamsSchema = z.object({ stageId: IdSchema });
