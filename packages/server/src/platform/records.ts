import type { ListQuery, PermissionObject } from '@guanxi/contract';
import { and, eq, isNotNull, isNull, type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { type Executor, plannedOf } from '../db/client.js';
import { listHistory } from './audit.js';
import type { Ctx } from './context.js';
import { notFound } from './errors.js';
import { type FieldSpecs, parseFilter, searchCondition } from './list-query.js';
import { cursorCondition, encodeCursor, orderBy, parseSort } from './list-sort.js';
import { requirePermission, restrictedFields, scopeCondition } from './permissions.js';
import {
  pageOfEach,
  type ReadableThrough,
  readAlternatives,
  readConditionOfOne,
} from './read-through.js';

export type RecordTable = PgTable & {
  workspaceId: PgColumn;
  id: PgColumn;
  version: PgColumn;
  createdAt: PgColumn;
  updatedAt: PgColumn;
  createdBy: PgColumn;
  updatedBy: PgColumn;
  deletedAt: PgColumn;
  deletedBy: PgColumn;
  ownerId: PgColumn;
};

export type StoredRecord = {
  workspaceId: string;
  id: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  createdBy: string | null;
  deletedAt: Date | null;
  /** Null only for poolable objects: the record waits unowned in its pool. */
  ownerId: string | null;
  custom: Record<string, unknown>;
};

/**
 * What an object declares to get tenancy, permissions, list/filter/sort/search, optimistic
 * concurrency, soft delete, audit and events from the shared data layer.
 */
export type ObjectDef<Row extends StoredRecord, Api extends Record<string, unknown>> = {
  object: PermissionObject;
  label: string;
  table: RecordTable;
  fields: FieldSpecs;
  defaultSort: string;
  searchColumns: PgColumn[];
  /** API fields whose changes are audited (the writable ones). */
  auditFields: readonly string[];
  toApi: (row: Row) => Api;
  /** API fields shown only when another field is: `accountName` goes with `accountId`. */
  derivedFields?: Record<string, readonly string[]>;
  /**
   * Records can wait unowned in a public pool (ownerId null; see pool-records.ts). The table
   * then has the pool columns (modules/pools poolColumns); the columns named here drive the
   * reclaim rules when the object has them.
   */
  poolable?: {
    lastActivityAt?: PgColumn;
    lastWonAt?: PgColumn;
  };
  /**
   * Links that make a record readable to whoever can see the linked record ("controlled by
   * parent"): an activity on an account is readable by anyone who can see the account. Writes
   * still need the record's owner within the actor's data scope. Each linked object registers
   * its visible ids with `registerScopeSource`.
   */
  readableThrough?: ReadableThrough;
};

/** The API record with the fields the actor's role hides blanked (null, or [] for lists). */
export function maskHiddenFields<Api extends Record<string, unknown>>(
  ctx: Ctx,
  def: Pick<ObjectDef<StoredRecord, Api>, 'object' | 'derivedFields'>,
  record: Api,
): Api {
  const { hidden } = restrictedFields(ctx, def.object);
  if (hidden.length === 0) return record;
  const masked: Record<string, unknown> = { ...record };
  for (const field of hidden.flatMap((f) => [f, ...(def.derivedFields?.[f] ?? [])])) {
    if (field in masked) masked[field] = Array.isArray(masked[field]) ? [] : null;
  }
  return masked as Api;
}

export const tenantRow = (ctx: Ctx, table: RecordTable, id: string) =>
  and(eq(table.workspaceId, ctx.actor.workspaceId), eq(table.id, id));

/** What the actor wants to do with a record: reading may go through its links, writing may not. */
export type Access = 'read' | 'write';

/**
 * Finds a record the actor may see (`access` 'read', links included) or change (`access`
 * 'write', the default: the owner within the data scope); `deleted` picks live records or the
 * trash.
 */
export async function findVisible<Row extends StoredRecord>(
  ctx: Ctx,
  db: Executor,
  def: ObjectDef<Row, Record<string, unknown>>,
  id: string,
  opts: { deleted: boolean | 'any'; forUpdate?: boolean; access?: Access },
): Promise<Row | undefined> {
  const { table } = def;
  const scope =
    opts.access === 'read'
      ? await readConditionOfOne(ctx, def.object, table.ownerId, def.readableThrough)
      : await scopeCondition(ctx, def.object, table.ownerId);
  const trash =
    opts.deleted === 'any'
      ? undefined
      : opts.deleted
        ? isNotNull(table.deletedAt)
        : isNull(table.deletedAt);
  const query = db
    .select()
    .from(table)
    .where(and(tenantRow(ctx, table, id), trash, scope))
    .limit(1);
  const rows = (opts.forUpdate ? await query.for('update') : await query) as unknown as Row[];
  return rows[0];
}

export async function getRecord<Row extends StoredRecord, Api extends Record<string, unknown>>(
  ctx: Ctx,
  def: ObjectDef<Row, Api>,
  id: string,
  opts: { includeDeleted?: boolean } = {},
): Promise<Row> {
  requirePermission(ctx, def.object, 'read');
  // A lookup by id: the same plan serves every record, so it is planned once.
  const row = await findVisible(ctx, plannedOf(ctx.db), def, id, {
    deleted: opts.includeDeleted ? 'any' : false,
    access: 'read',
  });
  if (!row) throw notFound(def.label);
  return row;
}

export async function listRecords<Row extends StoredRecord, Api extends Record<string, unknown>>(
  ctx: Ctx,
  def: ObjectDef<Row, Api>,
  query: ListQuery,
  extra?: SQL,
  /** `pool`: the caller's data scope is replaced by `extra` (pool visibility is checked before). */
  opts: { scope?: 'owner' | 'pool' } = {},
): Promise<{ rows: Row[]; nextCursor: string | null }> {
  requirePermission(ctx, def.object, 'read');
  const { table } = def;
  // Fields the role hides can be neither filtered, sorted nor searched on: that would reveal them.
  const { hidden } = restrictedFields(ctx, def.object);
  const fields = Object.fromEntries(
    Object.entries(def.fields).filter(([name]) => !hidden.includes(name)),
  );
  const hiddenColumns = new Set(hidden.map((name) => def.fields[name]?.column).filter(Boolean));
  const searchColumns = def.searchColumns.filter((column) => !hiddenColumns.has(column));
  const sort = parseSort(fields, query.sort, def.defaultSort);
  const where = and(
    eq(table.workspaceId, ctx.actor.workspaceId),
    query.deleted === 'true' ? isNotNull(table.deletedAt) : isNull(table.deletedAt),
    parseFilter(fields, query.filter),
    searchCondition(searchColumns, query.q),
    cursorCondition(sort, table.id, query.cursor),
    extra,
  );
  // The trash lists what the actor may restore: the owner's scope, not records read through links.
  const links = query.deleted === 'true' ? undefined : def.readableThrough;
  const limit = query.limit + 1;
  const visibility =
    opts.scope === 'pool'
      ? undefined
      : await readAlternatives(ctx, def.object, table.ownerId, links, limit);
  const order = orderBy(sort, table.id);
  const rows = (visibility && visibility.length > 1
    ? await ctx.db
        .select()
        .from(table)
        .where(
          and(
            eq(table.workspaceId, ctx.actor.workspaceId),
            sql`${table.id} in (${pageOfEach(ctx, table, { where, order, limit }, visibility)})`,
          ),
        )
        .orderBy(...order)
        .limit(limit)
    : await ctx.db
        .select()
        .from(table)
        .where(and(where, visibility?.[0]))
        .orderBy(...order)
        .limit(limit)) as unknown as Row[];
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  const nextCursor =
    rows.length > query.limit && last
      ? encodeCursor(sort, def.toApi(last) as Record<string, unknown>, last.id)
      : null;
  return { rows: page, nextCursor };
}

/** History of a record the actor can see (in the trash too), newest first. */
export async function getRecordHistory<
  Row extends StoredRecord,
  Api extends Record<string, unknown>,
>(ctx: Ctx, def: ObjectDef<Row, Api>, id: string) {
  await getRecord(ctx, def, id, { includeDeleted: true });
  const { hidden } = restrictedFields(ctx, def.object);
  const entries = await listHistory(ctx, def.object, id);
  if (hidden.length === 0) return entries;
  // Changes to fields the viewer's role hides are left out; an update of only those disappears.
  return entries
    .map((e) => ({
      ...e,
      changes: e.changes.filter((c) => !hidden.includes(c.field.split('.')[0])),
    }))
    .filter((e) => e.action !== 'update' || e.changes.length > 0);
}

/**
 * Common API fields of every record (`ownerId` null only for records in a pool). Objects add
 * their own with `Object.assign(recordMetaToApi(row), { … })`: spreading it into a literal of
 * thirty fields takes V8's slow path, 20–30 times slower (≈ 70 µs a record, 4 ms a list page).
 */
export const recordMetaToApi = <R extends StoredRecord>(row: R) => ({
  id: row.id,
  version: row.version,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
  createdBy: row.createdBy,
  deletedAt: row.deletedAt?.toISOString() ?? null,
  ownerId: row.ownerId as R['ownerId'],
  custom: row.custom,
});
