import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  uuid,
} from 'drizzle-orm/pg-core';
import { ts } from '../../db/columns.js';
import { members } from '../identity/identity.tables.js';

/**
 * Public pools (公海): where unowned accounts or leads wait to be claimed, with the holding limit
 * and the reclaim rules that apply to the records belonging to them.
 */
export const pools = pgTable(
  'pools',
  {
    workspaceId: uuid('workspace_id').notNull(),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    objectType: text('object_type').$type<'account' | 'lead'>().notNull(),
    description: text('description'),
    holdingLimit: integer('holding_limit'),
    noActivityDays: integer('no_activity_days'),
    noWonDays: integer('no_won_days'),
    warnDaysBefore: integer('warn_days_before'),
    /** Departments (with those below them) whose members see and claim; empty = everyone. */
    departmentIds: uuid('department_ids').array().notNull().default(sql`'{}'::uuid[]`),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    createdBy: uuid('created_by'),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index('pools_object_idx').on(t.workspaceId, t.objectType, t.id),
  ],
);

/** Columns of a record that can be in a pool (accounts, leads); its `ownerId` is nullable. */
export const poolColumns = () => ({
  poolId: uuid('pool_id'),
  ownerSince: ts('owner_since'),
  pooledAt: ts('pooled_at'),
  poolEntry: text('pool_entry'),
  returnReason: text('return_reason'),
  formerOwnerId: uuid('former_owner_id'),
});

type PoolableColumns = {
  workspaceId: AnyPgColumn;
  poolId: AnyPgColumn;
  formerOwnerId: AnyPgColumn;
};

/** Foreign keys and the pool index of a poolable table, named short enough for PostgreSQL. */
export const poolConstraints = (table: string, t: PoolableColumns) => [
  foreignKey({
    name: `${table}_pool_fk`,
    columns: [t.workspaceId, t.poolId],
    foreignColumns: [pools.workspaceId, pools.id],
  }),
  foreignKey({
    name: `${table}_former_owner_fk`,
    columns: [t.workspaceId, t.formerOwnerId],
    foreignColumns: [members.workspaceId, members.userId],
  }),
  index(`${table}_pool_idx`).on(t.workspaceId, t.poolId),
];
