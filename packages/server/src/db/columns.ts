import { sql } from 'drizzle-orm';
import {
  type ExtraConfigColumn,
  index,
  integer,
  jsonb,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';

export const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** Columns of every business record: tenancy, identity, concurrency, audit, trash, custom fields. */
export const recordColumns = () => ({
  workspaceId: uuid('workspace_id').notNull(),
  id: uuid('id').notNull(),
  version: integer('version').notNull().default(1),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
  createdBy: uuid('created_by'),
  updatedBy: uuid('updated_by'),
  deletedAt: ts('deleted_at'),
  deletedBy: uuid('deleted_by'),
  custom: jsonb('custom').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
});

/**
 * The owner index of a record table: one owner's records in the default list order (-updatedAt,
 * nulls last, then id), for the first page and every cursor page of "my records". `deleted_at`
 * rides last so that the ids of an actor's live records (the data scope of read-through links,
 * platform/read-through) come from the index alone, without a visit to each row.
 */
export const ownerIndex = (
  name: string,
  t: Record<'workspaceId' | 'ownerId' | 'updatedAt' | 'id' | 'deletedAt', ExtraConfigColumn>,
) => index(name).on(t.workspaceId, t.ownerId, t.updatedAt.desc().nullsLast(), t.id, t.deletedAt);
