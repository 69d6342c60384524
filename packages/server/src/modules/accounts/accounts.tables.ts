import { sql } from 'drizzle-orm';
import { index, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { recordColumns } from '../../db/columns.js';
import { memberForeignKey } from '../identity/identity.tables.js';

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
    tier: text('tier'),
    source: text('source'),
    status: text('status').notNull().default('prospect'),
    ownerId: uuid('owner_id').notNull(),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    notes: text('notes'),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    memberForeignKey(t.workspaceId, t.ownerId),
    index('accounts_owner_idx').on(t.workspaceId, t.ownerId),
    index('accounts_name_idx').on(t.workspaceId, t.name, t.id),
    index('accounts_updated_idx').on(t.workspaceId, t.updatedAt, t.id),
    index('accounts_name_trgm_idx').using('gin', sql`${t.name} gin_trgm_ops`),
  ],
);
