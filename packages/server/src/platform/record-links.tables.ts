import { type SQL, sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  type ExtraConfigColumn,
  foreignKey,
  index,
  uuid,
} from 'drizzle-orm/pg-core';
import { accounts } from '../modules/accounts/accounts.tables.js';
import { contacts } from '../modules/contacts/contacts.tables.js';
import { leads } from '../modules/leads/leads.tables.js';
import { opportunities } from '../modules/opportunities/opportunities.tables.js';

/** The records an activity or a task is about (at least one is set). */
export const recordLinkColumns = () => ({
  leadId: uuid('lead_id'),
  accountId: uuid('account_id'),
  contactId: uuid('contact_id'),
  opportunityId: uuid('opportunity_id'),
});

type Linked = {
  workspaceId: ExtraConfigColumn;
  deletedAt: ExtraConfigColumn;
  leadId: ExtraConfigColumn;
  accountId: ExtraConfigColumn;
  contactId: ExtraConfigColumn;
  opportunityId: ExtraConfigColumn;
};

const targets = {
  lead: leads,
  account: accounts,
  contact: contacts,
  opportunity: opportunities,
} as const;

/**
 * Tenant-safe foreign keys of the link columns, and per link an index that lists a record's
 * activities or tasks in the given order (`trailing` columns), e.g. newest first. The index
 * holds only the rows that have the link (most activities link no lead), and it must serve the
 * foreign key's own check too: deleting a contact looks for activities by `contact_id` alone,
 * which an index limited to live rows cannot answer (a scan of every activity per contact).
 * `deleted_at` rides last: a page of the live records on the parents an actor sees is read from
 * the index alone (platform/read-through), not one row visit per record of every such parent.
 */
export function recordLinkConstraints(
  table: string,
  t: Linked,
  /** A function: an index column's order settings are consumed by the index that uses them. */
  trailing: () => (Partial<ExtraConfigColumn> | SQL)[],
) {
  return (Object.keys(targets) as (keyof typeof targets)[]).flatMap((object) => {
    const column = t[`${object}Id`];
    const target = targets[object] as unknown as { workspaceId: AnyPgColumn; id: AnyPgColumn };
    return [
      foreignKey({
        name: `${table}_${object}_fk`,
        columns: [t.workspaceId as unknown as AnyPgColumn, column as unknown as AnyPgColumn],
        foreignColumns: [target.workspaceId, target.id],
      }),
      index(`${table}_${object}_idx`)
        .on(t.workspaceId, column, ...trailing(), t.deletedAt)
        .where(sql`${sql.identifier(column.name)} is not null`),
    ];
  });
}
