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

/**
 * The records an activity or a task is about (at least one is set), and the owner of each linked
 * lead, account and opportunity while it is live: null without the link, while the record waits
 * unowned in its pool or lies in the trash. The database keeps the owners (triggers of migration
 * 0019): a new link takes its record's owner, a transfer or a move to or from the trash reaches
 * every linked row. They make "what I read through my customers" one index range per link
 * (platform/read-through); nothing else reads them and the API never shows them.
 */
export const recordLinkColumns = () => ({
  leadId: uuid('lead_id'),
  accountId: uuid('account_id'),
  contactId: uuid('contact_id'),
  opportunityId: uuid('opportunity_id'),
  leadOwnerId: uuid('lead_owner_id'),
  accountOwnerId: uuid('account_owner_id'),
  opportunityOwnerId: uuid('opportunity_owner_id'),
});

/** The links whose record's owner is kept beside them: those a record is readable through. */
const OWNED_LINKS = ['lead', 'account', 'opportunity'] as const;

type Linked = {
  workspaceId: ExtraConfigColumn;
  deletedAt: ExtraConfigColumn;
  leadId: ExtraConfigColumn;
  accountId: ExtraConfigColumn;
  contactId: ExtraConfigColumn;
  opportunityId: ExtraConfigColumn;
  leadOwnerId: ExtraConfigColumn;
  accountOwnerId: ExtraConfigColumn;
  opportunityOwnerId: ExtraConfigColumn;
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
 * Per kept owner, an index in the same order: a page of what someone reads through the leads,
 * accounts or opportunities they own is the first entries under their id.
 */
export function recordLinkConstraints(
  table: string,
  t: Linked,
  /** A function: an index column's order settings are consumed by the index that uses them. */
  trailing: () => (Partial<ExtraConfigColumn> | SQL)[],
) {
  const links = (Object.keys(targets) as (keyof typeof targets)[]).flatMap((object) => {
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
  const owners = OWNED_LINKS.map((object) => {
    const owner = t[`${object}OwnerId`];
    return index(`${table}_${object}_owner_idx`)
      .on(t.workspaceId, owner, ...trailing(), t.deletedAt)
      .where(sql`${sql.identifier(owner.name)} is not null`);
  });
  return [...links, ...owners];
}
