import type { PermissionObject, PoolObject } from '@guanxi/contract';
import { and, eq, sql } from 'drizzle-orm';
import type { Executor, Tx } from '../db/client.js';
import { newId } from '../db/ids.js';
import { isAssignableMember } from '../modules/identity/index.js';
import { diffFields, recordChange } from './audit.js';
import type { Ctx } from './context.js';
import { validateCustomFields } from './custom-fields.js';
import { AppError, invalid, notFound } from './errors.js';
import {
  assertWritableFields,
  objectPermission,
  requirePermission,
  scopeOwnerIds,
} from './permissions.js';
import { resolvePoolId } from './pool-directory.js';
import { findVisible, type ObjectDef, type StoredRecord, tenantRow } from './records.js';

// Writes of the shared data layer: each one checks permissions, runs in one transaction and
// stores its audit entry and outbox event with the change.

/**
 * The same actor, querying through the open transaction. Scope and owner checks inside a
 * transaction must not use the outer handle: PGlite has one connection, so they would wait for
 * the transaction forever; on PostgreSQL they would read outside it on a second connection.
 */
export const onTransaction = (ctx: Ctx, tx: Tx): Ctx => ({ ...ctx, db: tx });

export type WriteAction = 'create' | 'update' | 'delete' | 'restore';

/**
 * An object's own rules around the shared writes. All run inside the write's transaction with a
 * context on it, so what they read is what gets written and what they write commits with it.
 */
export type WriteHooks<Row> = {
  /** Checks the input before a create (`current` undefined) or an update (the locked row). */
  validate?: (ctx: Ctx, input: Record<string, unknown>, current?: Row) => Promise<void>;
  /**
   * Stored columns computed from the record as it will be (e.g. normalized match keys, or an
   * opportunity's probability from its new stage); runs after `validate`, in the transaction.
   * Derived changes of audited fields are audited too.
   */
  derive?: (
    next: Record<string, unknown>,
    ctx: Ctx,
    current?: Row,
  ) => Record<string, unknown> | Promise<Record<string, unknown>>;
  /** Follow-up writes of the same change: stage history, counters on linked records, … */
  afterWrite?: (
    ctx: Ctx,
    change: { action: WriteAction; before: Row | null; after: Row },
  ) => Promise<void>;
};

/**
 * The error for a write that found no record it may change: 403 when the actor can read the
 * record all the same (through a link, e.g. a colleague's visit on the actor's account), else
 * 404, as for a record out of scope.
 */
async function writeRefused<Row extends StoredRecord>(
  ctx: Ctx,
  db: Executor,
  def: ObjectDef<Row, Record<string, unknown>>,
  id: string,
  opts: { deleted: boolean; label: string },
): Promise<AppError> {
  const readable =
    def.readableThrough &&
    objectPermission(ctx, def.object).read &&
    (await findVisible(ctx, db, def, id, { deleted: opts.deleted, access: 'read' }));
  if (!readable) return notFound(opts.label);
  return new AppError(
    'forbidden',
    `You can see this ${def.label.toLowerCase()} through the record it is about, but only its owner (or someone whose data scope covers the owner) may change it.`,
  );
}

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

export async function createRecord<Row extends StoredRecord, Api extends Record<string, unknown>>(
  ctx: Ctx,
  def: ObjectDef<Row, Api>,
  input: Record<string, unknown> & { ownerId?: string; custom?: Record<string, unknown> },
  hooks: WriteHooks<Row> = {},
): Promise<Row> {
  requirePermission(ctx, def.object, 'create');
  assertWritableFields(ctx, def.object, input);
  const ownerId = input.ownerId ?? ctx.actor.userId;
  if (ownerId !== ctx.actor.userId) await assertOwnerAssignable(ctx, def.object, ownerId);
  const custom = await validateCustomFields(ctx, def.object, input.custom ?? {});
  const now = ctx.now();
  const pooling = def.poolable
    ? {
        poolId: await resolvePoolId(ctx, def.object as PoolObject, input.poolId as never, true),
        ownerSince: now,
      }
    : {};
  const values = {
    ...input,
    ...pooling,
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
    ctx = onTransaction(ctx, tx);
    await hooks.validate?.(ctx, input);
    const derived = (await hooks.derive?.(values, ctx)) ?? {};
    const [row] = (await tx
      .insert(def.table)
      .values({ ...values, ...derived })
      .returning()) as unknown as Row[];
    const api = def.toApi(row);
    await recordChange(ctx, tx, {
      objectType: def.object,
      recordId: row.id,
      action: 'create',
      changes: diffFields(def.auditFields, null, api),
      at: now,
      payload: api,
    });
    await hooks.afterWrite?.(ctx, { action: 'create', before: null, after: row });
    return row;
  });
}

export async function updateRecord<Row extends StoredRecord, Api extends Record<string, unknown>>(
  ctx: Ctx,
  def: ObjectDef<Row, Api>,
  id: string,
  patch: Record<string, unknown> & { ownerId?: string; custom?: Record<string, unknown> },
  expectedVersion?: number,
  hooks: WriteHooks<Row> = {},
): Promise<Row> {
  requirePermission(ctx, def.object, 'update');
  assertWritableFields(ctx, def.object, patch);
  return ctx.db.transaction(async (tx) => {
    ctx = onTransaction(ctx, tx);
    const current = await findVisible(ctx, tx, def, id, { deleted: false, forUpdate: true });
    if (!current) throw await writeRefused(ctx, tx, def, id, { deleted: false, label: def.label });
    if (expectedVersion !== undefined && current.version !== expectedVersion) {
      throw new AppError(
        'precondition_failed',
        `This ${def.label.toLowerCase()} was changed by someone else (now version ${current.version}, you sent ${expectedVersion}). Reload it and apply your change again.`,
      );
    }
    const ownerChanges = patch.ownerId !== undefined && patch.ownerId !== current.ownerId;
    if (ownerChanges) await assertOwnerAssignable(ctx, def.object, patch.ownerId as string);
    await hooks.validate?.(ctx, patch, current);
    const values: Record<string, unknown> = { ...patch };
    if (def.poolable && patch.poolId !== undefined) {
      const object = def.object as PoolObject;
      values.poolId = await resolvePoolId(ctx, object, patch.poolId as never, false);
    }
    if (patch.custom) {
      values.custom = await validateCustomFields(ctx, def.object, {
        ...current.custom,
        ...patch.custom,
      });
    }
    const before = def.toApi(current);
    const derived = (await hooks.derive?.({ ...current, ...values }, ctx, current)) ?? {};
    const changes = diffFields(def.auditFields, before, { ...before, ...values, ...derived });
    if (changes.length === 0) return current;
    const now = ctx.now();
    // A new owner starts the reclaim clocks afresh; one assigned from the pool ends its stay there.
    const pooling = def.poolable && ownerChanges ? ownerChangeColumns(current, now) : {};
    const [row] = (await tx
      .update(def.table)
      .set({
        ...values,
        ...derived,
        ...pooling,
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
    await hooks.afterWrite?.(ctx, { action: 'update', before: current, after: row });
    return row;
  });
}

const ownerChangeColumns = (current: StoredRecord, now: Date) => ({
  ownerSince: now,
  ...(current.ownerId === null
    ? { pooledAt: null, poolEntry: null, returnReason: null, formerOwnerId: null }
    : {}),
});

async function setTrash<Row extends StoredRecord, Api extends Record<string, unknown>>(
  ctx: Ctx,
  def: ObjectDef<Row, Api>,
  id: string,
  action: 'delete' | 'restore',
  expectedVersion?: number,
  hooks: WriteHooks<Row> = {},
): Promise<Row> {
  requirePermission(ctx, def.object, 'delete');
  return ctx.db.transaction(async (tx) => {
    ctx = onTransaction(ctx, tx);
    const current = await findVisible(ctx, tx, def, id, {
      deleted: action === 'restore',
      forUpdate: true,
    });
    if (!current) {
      throw await writeRefused(ctx, tx, def, id, {
        deleted: action === 'restore',
        label: action === 'restore' ? `${def.label} in trash` : def.label,
      });
    }
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
    await hooks.afterWrite?.(ctx, { action, before: current, after: row });
    return row;
  });
}

export const deleteRecord = <Row extends StoredRecord, Api extends Record<string, unknown>>(
  ctx: Ctx,
  def: ObjectDef<Row, Api>,
  id: string,
  expectedVersion?: number,
  hooks?: WriteHooks<Row>,
) => setTrash(ctx, def, id, 'delete', expectedVersion, hooks);

export const restoreRecord = <Row extends StoredRecord, Api extends Record<string, unknown>>(
  ctx: Ctx,
  def: ObjectDef<Row, Api>,
  id: string,
  hooks?: WriteHooks<Row>,
) => setTrash(ctx, def, id, 'restore', undefined, hooks);
