import { sql } from 'drizzle-orm';
import { date, index, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { recordColumns, ts } from '../../db/columns.js';
import { recordLinkColumns, recordLinkConstraints } from '../../platform/record-links.tables.js';
import { memberForeignKey } from '../identity/identity.tables.js';

/** Things to do by a due time, assigned to their owner, with an optional reminder and repeat. */
export const tasks = pgTable(
  'tasks',
  {
    ...recordColumns(),
    title: text('title').notNull(),
    description: text('description'),
    /** Due at a time, or (all-day) on a date; at most one of the two. */
    dueAt: ts('due_at'),
    dueDate: date('due_date', { mode: 'string' }),
    priority: text('priority').notNull().default('normal'),
    status: text('status').notNull().default('open'),
    completedAt: ts('completed_at'),
    reminderMinutesBefore: integer('reminder_minutes_before'),
    reminderAt: ts('reminder_at'),
    recurrenceFrequency: text('recurrence_frequency'),
    recurrenceInterval: integer('recurrence_interval'),
    /** The occurrence made when this recurring task was completed (made once). */
    nextOccurrenceId: uuid('next_occurrence_id'),
    ...recordLinkColumns(),
    /** The assignee. */
    ownerId: uuid('owner_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    memberForeignKey(t.workspaceId, t.ownerId),
    ...recordLinkConstraints('tasks', t, () => [t.status, t.dueAt, t.id]),
    // "My tasks": the assignee's open tasks by due time.
    index('tasks_owner_open_idx')
      .on(t.workspaceId, t.ownerId, t.dueAt, t.dueDate)
      .where(sql`status = 'open' and deleted_at is null`),
    index('tasks_due_idx').on(t.workspaceId, t.dueAt, t.id),
    // The task list as people open it, open tasks soonest due first: most tasks are done, so
    // the whole-list index walks a dozen done ones for each open one (a rep's page walked 75,000).
    index('tasks_open_due_idx')
      .on(t.workspaceId, t.dueAt, t.id)
      .where(sql`${t.status} = 'open' and ${t.deletedAt} is null`),
    index('tasks_updated_idx').on(t.workspaceId, t.updatedAt, t.id),
    // Two-character Chinese search terms (see platform/list-query searchCondition).
    index('tasks_search_bigrams_idx').using(
      'gin',
      sql`gx_cjk_bigrams(${t.title})`,
      sql`gx_cjk_bigrams(${t.description})`,
    ),
  ],
);
