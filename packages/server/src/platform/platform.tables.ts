import { sql } from 'drizzle-orm';
import {
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { ts } from '../db/columns.js';

export type FieldChange = { field: string; old: unknown; new: unknown };

export const auditEntries = pgTable(
  'audit_entries',
  {
    workspaceId: uuid('workspace_id').notNull(),
    id: uuid('id').notNull(),
    objectType: text('object_type').notNull(),
    recordId: uuid('record_id').notNull(),
    action: text('action').$type<'create' | 'update' | 'delete' | 'restore' | 'merge'>().notNull(),
    actorId: uuid('actor_id'),
    via: text('via').$type<'session' | 'apiKey' | 'system'>().notNull(),
    apiKeyId: uuid('api_key_id'),
    requestId: text('request_id'),
    changes: jsonb('changes').$type<FieldChange[]>().notNull(),
    at: ts('at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index('audit_record_idx').on(t.workspaceId, t.objectType, t.recordId, t.at),
    index('audit_workspace_at_idx').on(t.workspaceId, t.at, t.id),
  ],
);

/** Transactional outbox: written with the change, consumed by the job queue. */
export const outboxEvents = pgTable(
  'outbox_events',
  {
    workspaceId: uuid('workspace_id').notNull(),
    id: uuid('id').notNull(),
    type: text('type').notNull(),
    objectType: text('object_type').notNull(),
    recordId: uuid('record_id').notNull(),
    payload: jsonb('payload').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    processedAt: ts('processed_at'),
    attempts: integer('attempts').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index('outbox_pending_idx').on(t.createdAt).where(sql`processed_at is null`),
  ],
);

/** First answer to a POST carrying an Idempotency-Key, replayed to retries of it. */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    workspaceId: uuid('workspace_id').notNull(),
    userId: uuid('user_id').notNull(),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    statusCode: integer('status_code'),
    responseBody: text('response_body'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.userId, t.key] })],
);

export type JobStatus = 'pending' | 'running' | 'done' | 'failed';

/**
 * Durable scheduled work (reminders, reclaim runs, …). A row per run; a pending row with a
 * dedupe key is unique per job name, so rescheduling moves it instead of adding another.
 * Not tenant-partitioned: `workspace_id` is null for system-wide jobs.
 */
export const jobs = pgTable(
  'jobs',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    workspaceId: uuid('workspace_id'),
    payload: jsonb('payload').notNull().default(sql`'{}'::jsonb`),
    runAt: ts('run_at').notNull(),
    status: text('status').$type<JobStatus>().notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(5),
    lastError: text('last_error'),
    lockedUntil: ts('locked_until'),
    dedupeKey: text('dedupe_key'),
    createdAt: ts('created_at').notNull().defaultNow(),
    finishedAt: ts('finished_at'),
  },
  (t) => [
    uniqueIndex('jobs_pending_dedupe_key')
      .on(t.name, t.dedupeKey)
      .where(sql`status = 'pending' and dedupe_key is not null`),
    index('jobs_due_idx').on(t.runAt).where(sql`status = 'pending'`),
    index('jobs_running_idx').on(t.lockedUntil).where(sql`status = 'running'`),
    index('jobs_workspace_status_idx').on(t.workspaceId, t.status, t.runAt),
  ],
);
