import { sql } from 'drizzle-orm';
import { foreignKey, index, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { ownerIndex, recordColumns } from '../../db/columns.js';
import { accounts } from '../accounts/accounts.tables.js';
import { memberForeignKey } from '../identity/identity.tables.js';

export type Phone = { label: string; number: string };

export const contacts = pgTable(
  'contacts',
  {
    ...recordColumns(),
    name: text('name').notNull(),
    title: text('title'),
    department: text('department'),
    email: text('email'),
    phones: jsonb('phones').$type<Phone[]>().notNull().default(sql`'[]'::jsonb`),
    wechat: text('wechat'),
    buyingRole: text('buying_role'),
    source: text('source'),
    campaign: text('campaign'),
    accountId: uuid('account_id'),
    /** The contact's manager, another contact at the same account (the account's org chart). */
    reportsToId: uuid('reports_to_id'),
    ownerId: uuid('owner_id').notNull(),
    notes: text('notes'),
    /** Set when the contact was merged into another one (it is then in the trash). */
    mergedIntoId: uuid('merged_into_id'),
    /** Normalized duplicate-check keys ('email:…', 'phone:…'), see platform/duplicates. */
    matchKeys: text('match_keys').array().notNull().default(sql`'{}'::text[]`),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    memberForeignKey(t.workspaceId, t.ownerId),
    foreignKey({
      columns: [t.workspaceId, t.accountId],
      foreignColumns: [accounts.workspaceId, accounts.id],
    }),
    foreignKey({
      name: 'contacts_reports_to_fk',
      columns: [t.workspaceId, t.reportsToId],
      foreignColumns: [t.workspaceId, t.id],
    }),
    // Lists sort by -updatedAt unless told otherwise (nulls last, then id): the owner index and
    // contacts_updated_idx serve the first page and every cursor page of one owner's and of all.
    ownerIndex('contacts_owner_idx', t),
    index('contacts_account_idx').on(t.workspaceId, t.accountId),
    // Most contacts report to no one: only the ones that do are indexed (direct-report lookups).
    index('contacts_reports_to_idx')
      .on(t.workspaceId, t.reportsToId)
      .where(sql`${t.reportsToId} is not null`),
    index('contacts_name_idx').on(t.workspaceId, t.name, t.id),
    index('contacts_updated_idx').on(t.workspaceId, t.updatedAt.desc().nullsLast(), t.id),
    index('contacts_email_idx').on(t.workspaceId, t.email),
    // Search (`q`) matches any of name, email, wechat and title: one trigram index per column
    // lets the OR of the four run as a union of index scans instead of reading every contact.
    index('contacts_name_trgm_idx').using('gin', sql`${t.name} gin_trgm_ops`),
    index('contacts_email_trgm_idx').using('gin', sql`${t.email} gin_trgm_ops`),
    index('contacts_wechat_trgm_idx').using('gin', sql`${t.wechat} gin_trgm_ops`),
    index('contacts_title_trgm_idx').using('gin', sql`${t.title} gin_trgm_ops`),
    // Two-character Chinese terms have no trigram: their character pairs (migration 0008).
    index('contacts_search_bigrams_idx').using(
      'gin',
      sql`gx_cjk_bigrams(${t.name})`,
      sql`gx_cjk_bigrams(${t.email})`,
      sql`gx_cjk_bigrams(${t.wechat})`,
      sql`gx_cjk_bigrams(${t.title})`,
    ),
    index('contacts_match_keys_idx').using('gin', t.matchKeys),
  ],
);
