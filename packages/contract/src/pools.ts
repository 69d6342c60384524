import { z } from 'zod';
import { IdSchema, optionalText, requiredText, TimestampSchema } from './common.js';

/** Objects whose records can wait unowned in a public pool (公海). */
export const POOL_OBJECTS = ['account', 'lead'] as const;
export type PoolObject = (typeof POOL_OBJECTS)[number];

/** How a record came into the pool: given back, taken back by a rule, or its owner left. */
export const POOL_ENTRIES = [
  'returned',
  'reclaimed_no_activity',
  'reclaimed_no_won',
  'owner_left',
] as const;
export type PoolEntry = (typeof POOL_ENTRIES)[number];

/** Reclaim rules: which clock ran out. */
export const RECLAIM_RULES = ['no_activity', 'no_won'] as const;
export type ReclaimRule = (typeof RECLAIM_RULES)[number];

/**
 * Fields of every record that can be in a pool. `ownerId` null means the record is in its pool,
 * waiting to be claimed.
 */
export const PooledFieldsSchema = z.object({
  ownerId: IdSchema.nullable(),
  /** The pool the record belongs to: where it goes back to, and whose rules apply to it. */
  poolId: IdSchema.nullable(),
  /** When the current owner got the record. */
  ownerSince: TimestampSchema.nullable(),
  /** While in the pool: when it came in, how, why (returns) and from whom. */
  pooledAt: TimestampSchema.nullable(),
  poolEntry: z.enum(POOL_ENTRIES).nullable(),
  returnReason: z.string().nullable(),
  formerOwnerId: IdSchema.nullable(),
});
export type PooledFields = z.infer<typeof PooledFieldsSchema>;

const days = (max: number) =>
  z
    .number()
    .int({ message: 'must be a whole number of days' })
    .min(1, { message: 'must be at least 1' })
    .max(max, { message: `must be at most ${max}` })
    .nullable()
    .optional();

const poolFields = {
  name: requiredText(80),
  objectType: z.enum(POOL_OBJECTS),
  description: optionalText(500),
  /** Most records of the pool's object one person may own at once (库容); null = no limit. */
  holdingLimit: z
    .number()
    .int({ message: 'must be a whole number' })
    .min(1, { message: 'must be at least 1' })
    .max(100_000)
    .nullable()
    .optional(),
  /** Reclaim after this many days without a follow-up activity (since max(last activity, owner since)). */
  noActivityDays: days(3650),
  /** Accounts only: reclaim after this many days without a won opportunity. */
  noWonDays: days(3650),
  /** Warn the owner this many days before a reclaim. */
  warnDaysBefore: days(365),
  /** Only members of these departments (and the departments below them) see and claim; empty = everyone. */
  departmentIds: z.array(IdSchema).max(100).optional(),
};

const noWonOnlyForAccounts = (p: { objectType?: string; noWonDays?: number | null }) =>
  !(p.objectType === 'lead' && p.noWonDays != null);
const noWonIssue = { message: 'applies to account pools only', path: ['noWonDays'] };

export const CreatePoolInput = z
  .strictObject(poolFields)
  .refine(noWonOnlyForAccounts, noWonIssue)
  .meta({ id: 'PoolCreate' });
export type CreatePoolInput = z.infer<typeof CreatePoolInput>;

/** The object type of a pool is fixed once it holds records. */
const { objectType: _objectType, ...updatableFields } = poolFields;
export const UpdatePoolInput = z
  .strictObject({ ...updatableFields, name: poolFields.name.optional() })
  .meta({ id: 'PoolUpdate' });
export type UpdatePoolInput = z.infer<typeof UpdatePoolInput>;

export const PoolSchema = z
  .object({
    id: IdSchema,
    name: z.string(),
    objectType: z.enum(POOL_OBJECTS),
    description: z.string().nullable(),
    holdingLimit: z.number().int().nullable(),
    noActivityDays: z.number().int().nullable(),
    noWonDays: z.number().int().nullable(),
    warnDaysBefore: z.number().int().nullable(),
    departmentIds: z.array(IdSchema),
    /** Records waiting in the pool (unowned, not in the trash). */
    pooledCount: z.number().int(),
    version: z.number().int().positive(),
    createdAt: TimestampSchema,
    updatedAt: TimestampSchema,
  })
  .meta({ id: 'Pool' });
export type Pool = z.infer<typeof PoolSchema>;

/** How many records of each pooled object the caller owns now, against the holding limits. */
export const HoldingsSchema = z
  .object({
    data: z.array(z.object({ objectType: z.enum(POOL_OBJECTS), held: z.number().int() })),
  })
  .meta({ id: 'Holdings' });
export type Holdings = z.infer<typeof HoldingsSchema>;

export const ReturnToPoolInput = z
  .strictObject({ reason: requiredText(500) })
  .meta({ id: 'ReturnToPool' });
export type ReturnToPoolInput = z.infer<typeof ReturnToPoolInput>;

export const RunReclaimInput = z
  .strictObject({ dryRun: z.boolean().optional() })
  .meta({ id: 'RunReclaim' });
export type RunReclaimInput = z.infer<typeof RunReclaimInput>;

export const ReclaimItemSchema = z.object({
  recordId: IdSchema,
  name: z.string(),
  ownerId: IdSchema,
  rule: z.enum(RECLAIM_RULES),
  deadline: TimestampSchema,
});
export const ReclaimReportSchema = z
  .object({
    dryRun: z.boolean(),
    /** Records taken back into the pool (or, in a dry run, that would be). */
    reclaimed: z.array(ReclaimItemSchema),
    /** Owners warned now (a warning goes out once per deadline). */
    warned: z.number().int(),
  })
  .meta({ id: 'ReclaimReport' });
export type ReclaimReport = z.infer<typeof ReclaimReportSchema>;

/** Objects whose records an employee-leave transfer moves, in the order it moves them. */
export const TRANSFER_OBJECTS = ['account', 'contact', 'lead', 'opportunity', 'task'] as const;
export type TransferObject = (typeof TRANSFER_OBJECTS)[number];

export const TransferRecordsInput = z
  .strictObject({
    toUserId: IdSchema,
    /** Accounts and leads go back into their pools; everything else goes to `toUserId`. */
    poolAccountsAndLeads: z.boolean().optional(),
  })
  .meta({ id: 'TransferRecords' });
export type TransferRecordsInput = z.infer<typeof TransferRecordsInput>;

const counts = z.partialRecord(z.enum(TRANSFER_OBJECTS), z.number().int());
export const TransferResultSchema = z
  .object({
    /** Records given to `toUserId`, per object. */
    moved: counts,
    /** Accounts and leads put back into their pools. */
    pooled: counts,
  })
  .meta({ id: 'TransferResult' });
export type TransferResult = z.infer<typeof TransferResultSchema>;
