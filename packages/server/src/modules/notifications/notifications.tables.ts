import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ts } from '../../db/columns.js';
import { memberForeignKey } from '../identity/identity.tables.js';

/** In-app notifications, one row per recipient. */
export const notifications = pgTable(
  'notifications',
  {
    workspaceId: uuid('workspace_id').notNull(),
    id: uuid('id').notNull(),
    userId: uuid('user_id').notNull(),
    /** `<feature>.<event>`, e.g. `tasks.reminder`; clients word it from their own text. */
    kind: text('kind').notNull(),
    params: jsonb('params').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    recordType: text('record_type'),
    recordId: uuid('record_id'),
    /** Makes a retried job notify once: unique per recipient. */
    dedupeKey: text('dedupe_key'),
    readAt: ts('read_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    memberForeignKey(t.workspaceId, t.userId),
    uniqueIndex('notifications_dedupe_key').on(t.workspaceId, t.userId, t.dedupeKey),
    index('notifications_user_idx').on(t.workspaceId, t.userId, t.createdAt, t.id),
    index('notifications_unread_idx').on(t.workspaceId, t.userId).where(sql`read_at is null`),
  ],
);
