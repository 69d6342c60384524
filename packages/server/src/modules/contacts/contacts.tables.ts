import { sql } from 'drizzle-orm';
import { foreignKey, index, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { recordColumns } from '../../db/columns.js';
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
    index('contacts_owner_idx').on(t.workspaceId, t.ownerId),
    index('contacts_account_idx').on(t.workspaceId, t.accountId),
    index('contacts_name_idx').on(t.workspaceId, t.name, t.id),
    index('contacts_updated_idx').on(t.workspaceId, t.updatedAt, t.id),
    index('contacts_email_idx').on(t.workspaceId, t.email),
    index('contacts_name_trgm_idx').using('gin', sql`${t.name} gin_trgm_ops`),
    index('contacts_match_keys_idx').using('gin', t.matchKeys),
  ],
);
