import { z } from 'zod';

export const IdSchema = z.uuid({ message: 'must be a valid id (UUID)' });
export const TimestampSchema = z.iso.datetime({ offset: true });

/** Fields every stored record carries. Clients read them; they can never be written. */
export const RecordMetaSchema = z.object({
  id: IdSchema,
  version: z.number().int().positive(),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
  createdBy: IdSchema.nullable(),
  deletedAt: TimestampSchema.nullable(),
  custom: z.record(z.string(), z.unknown()),
});

/** Keys that belong to the server; sending one in a create or update is refused by name. */
export const READ_ONLY_FIELDS = [
  'id',
  'workspaceId',
  'version',
  'createdAt',
  'updatedAt',
  'createdBy',
  'updatedBy',
  'deletedAt',
  'deletedBy',
] as const;

export const ListQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(2000).optional(),
  sort: z.string().max(200).optional(),
  q: z.string().max(200).optional(),
  filter: z.string().max(10_000).optional(),
  deleted: z.enum(['true', 'false']).optional(),
});
export type ListQuery = z.infer<typeof ListQuerySchema>;

export const listResponse = <T extends z.ZodType>(item: T) =>
  z.object({ data: z.array(item), nextCursor: z.string().nullable() });

export const IdParamsSchema = z.object({ id: IdSchema });

/**
 * Why one field was refused, for clients to show in the person's language: `code` is stable,
 * `params` fills the message (e.g. {"minimum": 8}), `message` is the English text.
 */
export const FIELD_ERROR_CODES = [
  'required',
  'invalid_type',
  'invalid_value',
  'invalid_format',
  'too_small',
  'too_big',
  'unknown_field',
  'read_only',
  'not_found',
  'out_of_scope',
  'inactive_user',
  'taken',
  'incorrect',
  'cycle',
  'not_permitted',
  'invalid',
] as const;
export type FieldErrorCode = (typeof FIELD_ERROR_CODES)[number];

export const FieldErrorSchema = z.object({
  path: z.string(),
  message: z.string(),
  code: z.enum(FIELD_ERROR_CODES),
  params: z.record(z.string(), z.unknown()).optional(),
});
export type FieldError = z.infer<typeof FieldErrorSchema>;

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    code: z.string(),
    /** Values that word the problem in the client's language, e.g. {"limit": 50, "held": 50}. */
    params: z.record(z.string(), z.unknown()).optional(),
    errors: z.array(FieldErrorSchema).optional(),
  })
  .meta({ id: 'Problem' });
export type Problem = z.infer<typeof ProblemSchema>;

/** Stable machine-readable error codes; clients switch on these, never on message text. */
export const ERROR_CODES = [
  'validation_failed',
  'bad_request',
  'unauthenticated',
  'forbidden',
  'csrf_failed',
  'not_found',
  'conflict',
  'idempotency_conflict',
  'precondition_failed',
  /** The record matches existing ones under the duplicate rules; the problem lists them. */
  'duplicate',
  /** A claim would take the caller past the pool's holding limit (params: limit, held). */
  'holding_limit',
  /** A claim of a record that is no longer in the pool (someone else claimed it first). */
  'not_in_pool',
  'payload_too_large',
  'unsupported_media_type',
  'rate_limited',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const HistoryChangeSchema = z.object({
  field: z.string(),
  old: z.unknown(),
  new: z.unknown(),
});

export const AuditEntrySchema = z
  .object({
    id: IdSchema,
    objectType: z.string(),
    recordId: IdSchema,
    action: z.enum(['create', 'update', 'delete', 'restore', 'merge']),
    actorId: IdSchema.nullable(),
    actorName: z.string().nullable(),
    via: z.enum(['session', 'apiKey', 'system']),
    changes: z.array(HistoryChangeSchema),
    at: TimestampSchema,
  })
  .meta({ id: 'AuditEntry' });
export type AuditEntry = z.infer<typeof AuditEntrySchema>;
export const AuditLogQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
  objectType: z.string().max(40).optional(),
  recordId: IdSchema.optional(),
  actorId: IdSchema.optional(),
});
export type AuditLogQuery = z.infer<typeof AuditLogQuerySchema>;

export const HistoryResponseSchema = z.object({ data: z.array(AuditEntrySchema) });

/** Trimmed text; an empty string after trimming means "no value". */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: `must be at most ${max} characters` })
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional();

export const requiredText = (max: number) =>
  z
    .string()
    .trim()
    .min(1, { message: 'is required' })
    .max(max, { message: `must be at most ${max} characters` });
