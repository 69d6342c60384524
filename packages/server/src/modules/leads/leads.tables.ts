import { sql } from 'drizzle-orm';
import { foreignKey, index, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { ownerIndex, recordColumns, ts } from '../../db/columns.js';
import { accounts } from '../accounts/accounts.tables.js';
import { contacts, type Phone } from '../contacts/contacts.tables.js';
import { memberForeignKey } from '../identity/identity.tables.js';
import { poolColumns, poolConstraints } from '../pools/pools.tables.js';

export const leads = pgTable(
  'leads',
  {
    ...recordColumns(),
    name: text('name').notNull(),
    company: text('company'),
    title: text('title'),
    email: text('email'),
    phones: jsonb('phones').$type<Phone[]>().notNull().default(sql`'[]'::jsonb`),
    wechat: text('wechat'),
    source: text('source'),
    campaign: text('campaign'),
    industry: text('industry'),
    region: text('region'),
    status: text('status').notNull().default('new'),
    disqualifyReason: text('disqualify_reason'),
    lifecycleStage: text('lifecycle_stage').notNull().default('lead'),
    /** Null while the lead waits in its pool (公海). */
    ownerId: uuid('owner_id'),
    ...poolColumns(),
    notes: text('notes'),
    lastActivityAt: ts('last_activity_at'),
    convertedAt: ts('converted_at'),
    convertedAccountId: uuid('converted_account_id'),
    convertedContactId: uuid('converted_contact_id'),
    convertedOpportunityId: uuid('converted_opportunity_id'),
    mergedIntoId: uuid('merged_into_id'),
    /** Normalized duplicate-check keys ('email:…', 'phone:…', 'company:…'), see platform/duplicates. */
    matchKeys: text('match_keys').array().notNull().default(sql`'{}'::text[]`),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    memberForeignKey(t.workspaceId, t.ownerId),
    ...poolConstraints('leads', t),
    foreignKey({
      columns: [t.workspaceId, t.convertedAccountId],
      foreignColumns: [accounts.workspaceId, accounts.id],
    }),
    foreignKey({
      columns: [t.workspaceId, t.convertedContactId],
      foreignColumns: [contacts.workspaceId, contacts.id],
    }),
    // Lists sort by -updatedAt unless told otherwise (nulls last, then id): these serve the
    // first page and every cursor page of the whole list, of one owner's and of one status.
    ownerIndex('leads_owner_idx', t),
    index('leads_status_idx').on(t.workspaceId, t.status, t.updatedAt.desc().nullsLast(), t.id),
    index('leads_name_idx').on(t.workspaceId, t.name, t.id),
    index('leads_updated_idx').on(t.workspaceId, t.updatedAt.desc().nullsLast(), t.id),
    index('leads_converted_account_idx').on(t.workspaceId, t.convertedAccountId),
    index('leads_converted_contact_idx').on(t.workspaceId, t.convertedContactId),
    // Search (`q`) matches any of name, company, email and wechat: one trigram index per column
    // lets the OR run as a union of index scans instead of reading every lead.
    index('leads_name_trgm_idx').using('gin', sql`${t.name} gin_trgm_ops`),
    index('leads_company_trgm_idx').using('gin', sql`${t.company} gin_trgm_ops`),
    index('leads_email_trgm_idx').using('gin', sql`${t.email} gin_trgm_ops`),
    index('leads_wechat_trgm_idx').using('gin', sql`${t.wechat} gin_trgm_ops`),
    // Two-character Chinese terms have no trigram: their character pairs (migration 0008).
    index('leads_search_bigrams_idx').using(
      'gin',
      sql`gx_cjk_bigrams(${t.name})`,
      sql`gx_cjk_bigrams(${t.company})`,
      sql`gx_cjk_bigrams(${t.email})`,
      sql`gx_cjk_bigrams(${t.wechat})`,
    ),
    index('leads_match_keys_idx').using('gin', t.matchKeys),
  ],
);
