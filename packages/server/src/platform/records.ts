import type { ListQuery, PermissionObject } from '@guanxi/contract';
import { and, eq, isNotNull, isNull, type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Executor, Tx } from '../db/client.js';
import { newId } from '../db/ids.js';
import { isAssignableMember } from '../modules/identity/index.js';
import { diffFields, listHistory, recordChange } from './audit.js';
import type { Ctx } from './context.js';
import { validateCustomFields } from './custom-fields.js';
import { AppError, invalid, notFound } from './errors.js';
import {
  cursorCondition,
  encodeCursor,
  type FieldSpecs,
  orderBy,
  parseFilter,
  parseSort,
  searchCondition,
} from './list-query.js';
import {
  assertWritableFields,
  requirePermission,
  restrictedFields,
  scopeCondition,
  scopeOwnerIds,
} from './permissions.js';

type RecordTable = PgTable & {
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
  ownerId: string;
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

/**
 * The same actor, querying through the open transaction. Scope and owner checks inside a
 * transaction must not use the outer handle: PGlite has one connection, so they would wait for
 * the transaction forever; on PostgreSQL they would read outside it on a second connection.
 */
const onTransaction = (ctx: Ctx, tx: Tx): Ctx => ({ ...ctx, db: tx });

const tenantRow = (ctx: Ctx, table: RecordTable, id: string) =>
  and(eq(table.workspaceId, ctx.actor.workspaceId), eq(table.id, id));

async function assertOwnerAssignable(ctx: Ctx, object: PermissionObject, ownerId: string) {
  const inScope = await scopeOwnerIds(ctx, object);
  if (inScope !== null && !inScope.includes(ownerId)) {
    throw invalid(
      'ownerId',
      'you can only assign records to people within your data scope',
      'out_of_scope',
    );
  }
  if (!(await isAssignableMember(ctx.db, ctx.actor.workspaceId, ownerId))) {
    throw invalid('ownerId', 'must be an active user of this workspace', 'inactive_user');
  }
}

/** Finds a record the actor may see; `deleted` picks live records or the trash. */
async function findVisible<Row extends StoredRecord>(
  ctx: Ctx,
  db: Executor,
  def: ObjectDef<Row, Record<string, unknown>>,
  id: string,
  opts: { deleted: boolean | 'any'; forUpdate?: boolean },
): Promise<Row | undefined> {
  const { table } = def;
  const trash =
    opts.deleted === 'any'
      ? undefined
      : opts.deleted
        ? isNotNull(table.deletedAt)
        : isNull(table.deletedAt);
  const query = db
    .select()
    .from(table)
    .where(
      and(tenantRow(ctx, table, id), trash, await scopeCondition(ctx, def.object, table.ownerId)),
    )
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
  const row = await findVisible(ctx, ctx.db, def, id, {
    deleted: opts.includeDeleted ? 'any' : false,
  });
  if (!row) throw notFound(def.label);
  return row;
}

export async function listRecords<Row extends StoredRecord, Api extends Record<string, unknown>>(
  ctx: Ctx,
  def: ObjectDef<Row, Api>,
  query: ListQuery,
  extra?: SQL,
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
    await scopeCondition(ctx, def.object, table.ownerId),
    parseFilter(fields, query.filter),
    searchCondition(searchColumns, query.q),
    cursorCondition(sort, table.id, query.cursor),
    extra,
  );
  const rows = (await ctx.db
    .select()
    .from(table)
    .where(where)
    .orderBy(...orderBy(sort, table.id))
    .limit(query.limit + 1)) as unknown as Row[];
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  const nextCursor =
    rows.length > query.limit && last
      ? encodeCursor(sort, def.toApi(last) as Record<string, unknown>, last.id)
      : null;
  return { rows: page, nextCursor };
}

export async function createRecord<Row extends StoredRecord, Api extends Record<string, unknown>>(
  ctx: Ctx,
  def: ObjectDef<Row, Api>,
  input: Record<string, unknown> & { ownerId?: string; custom?: Record<string, unknown> },
): Promise<Row> {
  requirePermission(ctx, def.object, 'create');
  assertWritableFields(ctx, def.object, input);
  const ownerId = input.ownerId ?? ctx.actor.userId;
  if (ownerId !== ctx.actor.userId) await assertOwnerAssignable(ctx, def.object, ownerId);
  const custom = await validateCustomFields(ctx, def.object, input.custom ?? {});
  const now = ctx.now();
  const values = {
    ...input,
    custom,
    ownerId,
    workspaceId: ctx.actor.workspaceId,
    id: newId(),
    version: 1,
    createdAt: now,
    updatedAt: now,
    createdBy: ctx.actor.userId,
    updatedBy: ctx.actor.userId,
  };
  return ctx.db.transaction(async (tx) => {
    const [row] = (await tx.insert(def.table).values(values).returning()) as unknown as Row[];
    const api = def.toApi(row);
    await recordChange(ctx, tx, {
      objectType: def.object,
      recordId: row.id,
      action: 'create',
      changes: diffFields(def.auditFields, null, api),
      at: now,
      payload: api,
    });
    return row;
  });
}

export async function updateRecord<Row extends StoredRecord, Api extends Record<string, unknown>>(
  ctx: Ctx,
  def: ObjectDef<Row, Api>,
  id: string,
  patch: Record<string, unknown> & { ownerId?: string; custom?: Record<string, unknown> },
  expectedVersion?: number,
): Promise<Row> {
  requirePermission(ctx, def.object, 'update');
  assertWritableFields(ctx, def.object, patch);
  return ctx.db.transaction(async (tx) => {
    ctx = onTransaction(ctx, tx);
    const current = await findVisible(ctx, tx, def, id, { deleted: false, forUpdate: true });
    if (!current) throw notFound(def.label);
    if (expectedVersion !== undefined && current.version !== expectedVersion) {
      throw new AppError(
        'precondition_failed',
        `This ${def.label.toLowerCase()} was changed by someone else (now version ${current.version}, you sent ${expectedVersion}). Reload it and apply your change again.`,
      );
    }
    if (patch.ownerId !== undefined && patch.ownerId !== current.ownerId) {
      await assertOwnerAssignable(ctx, def.object, patch.ownerId);
    }
    const values: Record<string, unknown> = { ...patch };
    if (patch.custom) {
      values.custom = await validateCustomFields(ctx, def.object, {
        ...current.custom,
        ...patch.custom,
      });
    }
    const before = def.toApi(current);
    const changes = diffFields(def.auditFields, before, { ...before, ...values });
    if (changes.length === 0) return current;
    const now = ctx.now();
    const [row] = (await tx
      .update(def.table)
      .set({
        ...values,
        version: sql`${def.table.version} + 1`,
        updatedAt: now,
        updatedBy: ctx.actor.userId,
      })
      .where(and(tenantRow(ctx, def.table, id), eq(def.table.version, current.version)))
      .returning()) as unknown as Row[];
    await recordChange(ctx, tx, {
      objectType: def.object,
      recordId: id,
      action: 'update',
      changes,
      at: now,
      payload: def.toApi(row),
    });
    return row;
  });
}

async function setTrash<Row extends StoredRecord, Api extends Record<string, unknown>>(
  ctx: Ctx,
  def: ObjectDef<Row, Api>,
  id: string,
  action: 'delete' | 'restore',
  expectedVersion?: number,
): Promise<Row> {
  requirePermission(ctx, def.object, 'delete');
  return ctx.db.transaction(async (tx) => {
    ctx = onTransaction(ctx, tx);
    const current = await findVisible(ctx, tx, def, id, {
      deleted: action === 'restore',
      forUpdate: true,
    });
    if (!current) throw notFound(action === 'restore' ? `${def.label} in trash` : def.label);
    if (expectedVersion !== undefined && current.version !== expectedVersion) {
      throw new AppError(
        'precondition_failed',
        `This ${def.label.toLowerCase()} was changed by someone else. Reload it and try again.`,
      );
    }
    const now = ctx.now();
    const deleting = action === 'delete';
    const [row] = (await tx
      .update(def.table)
      .set({
        deletedAt: deleting ? now : null,
        deletedBy: deleting ? ctx.actor.userId : null,
        version: sql`${def.table.version} + 1`,
        updatedAt: now,
        updatedBy: ctx.actor.userId,
      })
      .where(tenantRow(ctx, def.table, id))
      .returning()) as unknown as Row[];
    await recordChange(ctx, tx, {
      objectType: def.object,
      recordId: id,
      action,
      changes: [
        {
          field: 'deletedAt',
          old: current.deletedAt?.toISOString() ?? null,
          new: row.deletedAt?.toISOString() ?? null,
        },
      ],
      at: now,
      payload: def.toApi(row),
    });
    return row;
  });
}

export const deleteRecord = <Row extends StoredRecord, Api extends Record<string, unknown>>(
  ctx: Ctx,
  def: ObjectDef<Row, Api>,
  id: string,
  expectedVersion?: number,
) => setTrash(ctx, def, id, 'delete', expectedVersion);

export const restoreRecord = <Row extends StoredRecord, Api extends Record<string, unknown>>(
  ctx: Ctx,
  def: ObjectDef<Row, Api>,
  id: string,
) => setTrash(ctx, def, id, 'restore');

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

/** Common API fields of every record. */
export const recordMetaToApi = (row: StoredRecord) => ({
  id: row.id,
  version: row.version,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
  createdBy: row.createdBy,
  deletedAt: row.deletedAt?.toISOString() ?? null,
  ownerId: row.ownerId,
  custom: row.custom,
});
