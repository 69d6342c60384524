import { sql } from 'drizzle-orm';
import {
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  uuid,
} from 'drizzle-orm/pg-core';
import { recordColumns, ts } from '../../db/columns.js';
import { recordLinkColumns, recordLinkConstraints } from '../../platform/record-links.tables.js';
import { memberForeignKey } from '../identity/identity.tables.js';

/** Follow-up records (跟进记录): calls, meetings, visits, emails, notes. */
export const activities = pgTable(
  'activities',
  {
    ...recordColumns(),
    kind: text('kind').notNull(),
    subject: text('subject').notNull(),
    body: text('body'),
    occurredAt: ts('occurred_at').notNull(),
    durationMinutes: integer('duration_minutes'),
    outcome: text('outcome'),
    nextFollowUpAt: ts('next_follow_up_at'),
    /** Check-in of a visit: an address and/or coordinates. */
    locationAddress: text('location_address'),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    ...recordLinkColumns(),
    /** Who logged it. */
    ownerId: uuid('owner_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    memberForeignKey(t.workspaceId, t.ownerId),
    // Timelines list newest first: the list orders by occurred_at desc nulls last, then id.
    ...recordLinkConstraints('activities', t, () => [t.occurredAt.desc().nullsLast(), t.id]),
    // Someone's own activities in the list order: the first page reads a page of the index.
    index('activities_owner_idx').on(
      t.workspaceId,
      t.ownerId,
      t.occurredAt.desc().nullsLast(),
      t.id,
    ),
    index('activities_occurred_idx').on(t.workspaceId, t.occurredAt.desc().nullsLast(), t.id),
    // Two-character Chinese search terms (see platform/list-query searchCondition).
    index('activities_search_bigrams_idx').using(
      'gin',
      sql`gx_cjk_bigrams(${t.subject})`,
      sql`gx_cjk_bigrams(${t.body})`,
      sql`gx_cjk_bigrams(${t.outcome})`,
    ),
  ],
);
