import { sql } from 'drizzle-orm';
import { index, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { ownerIndex, recordColumns, ts } from '../../db/columns.js';
import { memberForeignKey } from '../identity/identity.tables.js';
import { poolColumns, poolConstraints } from '../pools/pools.tables.js';

export const accounts = pgTable(
  'accounts',
  {
    ...recordColumns(),
    name: text('name').notNull(),
    industry: text('industry'),
    size: text('size'),
    country: text('country'),
    province: text('province'),
    city: text('city'),
    address: text('address'),
    website: text('website'),
    phone: text('phone'),
    /** 统一社会信用代码: 18 characters, uppercase. */
    creditCode: text('credit_code'),
    tier: text('tier'),
    source: text('source'),
    campaign: text('campaign'),
    status: text('status').notNull().default('prospect'),
    /** Null while the account waits in its pool (公海). */
    ownerId: uuid('owner_id'),
    ...poolColumns(),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    notes: text('notes'),
    /** When the newest live activity on the account happened (activities keep it current). */
    lastActivityAt: ts('last_activity_at'),
    /** When an opportunity of this account last entered a won stage (opportunities keep it). */
    lastWonAt: ts('last_won_at'),
    /** Set when the account was merged into another one (it is then in the trash). */
    mergedIntoId: uuid('merged_into_id'),
    /** Normalized duplicate-check keys ('company:…', 'credit:…', …), see platform/duplicates. */
    matchKeys: text('match_keys').array().notNull().default(sql`'{}'::text[]`),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    memberForeignKey(t.workspaceId, t.ownerId),
    ...poolConstraints('accounts', t),
    // Lists sort by -updatedAt unless told otherwise (nulls last, then id): the owner index and
    // accounts_updated_idx serve the first page and every cursor page of one owner's and of all.
    ownerIndex('accounts_owner_idx', t),
    index('accounts_name_idx').on(t.workspaceId, t.name, t.id),
    index('accounts_updated_idx').on(t.workspaceId, t.updatedAt.desc().nullsLast(), t.id),
    // Search (`q`) matches any of name, website, phone, city and credit code: one trigram index
    // per column lets the OR run as a union of index scans instead of reading every account.
    index('accounts_name_trgm_idx').using('gin', sql`${t.name} gin_trgm_ops`),
    index('accounts_website_trgm_idx').using('gin', sql`${t.website} gin_trgm_ops`),
    index('accounts_phone_trgm_idx').using('gin', sql`${t.phone} gin_trgm_ops`),
    index('accounts_city_trgm_idx').using('gin', sql`${t.city} gin_trgm_ops`),
    index('accounts_credit_code_trgm_idx').using('gin', sql`${t.creditCode} gin_trgm_ops`),
    // Two-character Chinese terms have no trigram: their character pairs (migration 0008).
    index('accounts_search_bigrams_idx').using(
      'gin',
      sql`gx_cjk_bigrams(${t.name})`,
      sql`gx_cjk_bigrams(${t.website})`,
      sql`gx_cjk_bigrams(${t.phone})`,
      sql`gx_cjk_bigrams(${t.city})`,
      sql`gx_cjk_bigrams(${t.creditCode})`,
    ),
    index('accounts_match_keys_idx').using('gin', t.matchKeys),
  ],
);
