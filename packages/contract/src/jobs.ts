import { z } from 'zod';
import { IdSchema, TimestampSchema } from './common.js';

export const JOB_STATUSES = ['pending', 'running', 'done', 'failed'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** A durable scheduled job of the workspace, as administrators inspect it. */
export const JobSchema = z
  .object({
    id: IdSchema,
    name: z.string(),
    status: z.enum(JOB_STATUSES),
    payload: z.unknown(),
    runAt: TimestampSchema,
    attempts: z.number().int(),
    maxAttempts: z.number().int(),
    /** The error of the last failed attempt (kept while retrying and after failing for good). */
    lastError: z.string().nullable(),
    createdAt: TimestampSchema,
    finishedAt: TimestampSchema.nullable(),
  })
  .meta({ id: 'Job' });
export type Job = z.infer<typeof JobSchema>;

export const JobListQuerySchema = z.object({
  status: z.enum(JOB_STATUSES).optional(),
  name: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});
export type JobListQuery = z.infer<typeof JobListQuerySchema>;
