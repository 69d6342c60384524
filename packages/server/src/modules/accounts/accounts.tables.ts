import { sql } from 'drizzle-orm';
import { index, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { recordColumns, ts } from '../../db/columns.js';
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
    index('accounts_owner_idx').on(t.workspaceId, t.ownerId),
    index('accounts_name_idx').on(t.workspaceId, t.name, t.id),
    index('accounts_updated_idx').on(t.workspaceId, t.updatedAt, t.id),
    index('accounts_name_trgm_idx').using('gin', sql`${t.name} gin_trgm_ops`),
    index('accounts_match_keys_idx').using('gin', t.matchKeys),
  ],
);
