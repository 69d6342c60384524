import type {
  CreatePoolInput,
  Holdings,
  Pool,
  PoolObject,
  UpdatePoolInput,
} from '@guanxi/contract';
import { POOL_OBJECTS } from '@guanxi/contract';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { newId } from '../../db/ids.js';
import { auditedWrite } from '../../platform/audit.js';
import type { Ctx } from '../../platform/context.js';
import { AppError, invalid, notFound } from '../../platform/errors.js';
import { objectPermission, requireWorkspaceAdmin } from '../../platform/permissions.js';
import { listDepartmentSubtreeUserIds, listDepartments } from '../identity/index.js';
import { poolServiceOf } from './pooled-objects.js';
import { pools } from './pools.tables.js';

export type PoolRow = typeof pools.$inferSelect;

const POOL_FIELDS = [
  'name',
  'objectType',
  'description',
  'holdingLimit',
  'noActivityDays',
  'noWonDays',
  'warnDaysBefore',
  'departmentIds',
] as const;

export const toPool = (row: PoolRow, pooledCount = 0): Pool => ({
  id: row.id,
  name: row.name,
  objectType: row.objectType,
  description: row.description,
  holdingLimit: row.holdingLimit,
  noActivityDays: row.noActivityDays,
  noWonDays: row.noWonDays,
  warnDaysBefore: row.warnDaysBefore,
  departmentIds: row.departmentIds,
  pooledCount,
  version: row.version,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

const ofWorkspace = (workspaceId: string) => eq(pools.workspaceId, workspaceId);

export async function loadPools(db: Executor, workspaceId: string): Promise<PoolRow[]> {
  return db.select().from(pools).where(ofWorkspace(workspaceId)).orderBy(asc(pools.id));
}

async function loadPool(ctx: Ctx, id: string): Promise<PoolRow | undefined> {
  const [row] = await ctx.db
    .select()
    .from(pools)
    .where(and(ofWorkspace(ctx.actor.workspaceId), eq(pools.id, id)));
  return row;
}

/**
 * Whether the actor may see the pool and claim from it: read on its object, and membership of
 * one of its departments (or a department below one) when it names any. Admins see every pool.
 */
export async function maySeePool(ctx: Ctx, pool: PoolRow): Promise<boolean> {
  if (!objectPermission(ctx, pool.objectType).read) return false;
  if (ctx.actor.permissions.manageWorkspace || pool.departmentIds.length === 0) return true;
  for (const departmentId of pool.departmentIds) {
    const key = `pool-dept:${departmentId}`;
    let ids = ctx.cache.get(key) as string[] | undefined;
    if (!ids) {
      ids = await listDepartmentSubtreeUserIds(ctx.db, ctx.actor.workspaceId, departmentId);
      ctx.cache.set(key, ids);
    }
    if (ids.includes(ctx.actor.userId)) return true;
  }
  return false;
}

/** A pool the actor may see, or 404. */
export async function getVisiblePool(ctx: Ctx, id: string): Promise<PoolRow> {
  const pool = await loadPool(ctx, id);
  if (!pool || !(await maySeePool(ctx, pool))) throw notFound('Pool');
  return pool;
}

/** The pools the actor may see, each with the number of records waiting in it. */
export async function listPools(ctx: Ctx): Promise<Pool[]> {
  const rows = await loadPools(ctx.db, ctx.actor.workspaceId);
  const visible: PoolRow[] = [];
  for (const row of rows) if (await maySeePool(ctx, row)) visible.push(row);
  const counts = new Map<string, number>();
  for (const object of new Set(visible.map((p) => p.objectType))) {
    for (const [id, n] of await poolServiceOf(object).countPooled(ctx)) counts.set(id, n);
  }
  return visible.map((row) => toPool(row, counts.get(row.id) ?? 0));
}

export async function getPool(ctx: Ctx, id: string): Promise<Pool> {
  const row = await getVisiblePool(ctx, id);
  const counts = await poolServiceOf(row.objectType).countPooled(ctx);
  return toPool(row, counts.get(row.id) ?? 0);
}

/** How many records of each pooled object the actor owns now. */
export async function getHoldings(ctx: Ctx): Promise<Holdings> {
  const data: Holdings['data'] = [];
  for (const objectType of POOL_OBJECTS) {
    if (!objectPermission(ctx, objectType).read) continue;
    data.push({
      objectType,
      held: await poolServiceOf(objectType).countHeld(ctx, ctx.actor.userId),
    });
  }
  return { data };
}

type PoolInput = Partial<CreatePoolInput>;

async function assertValidRules(ctx: Ctx, objectType: PoolObject, next: PoolInput) {
  if (objectType === 'lead' && next.noWonDays != null) {
    throw invalid('noWonDays', 'applies to account pools only');
  }
  const ruleDays = [next.noActivityDays, next.noWonDays].filter((d): d is number => d != null);
  if (next.warnDaysBefore != null) {
    if (ruleDays.length === 0) {
      throw invalid(
        'warnDaysBefore',
        'needs a reclaim rule (days without follow-up or without a win)',
      );
    }
    if (next.warnDaysBefore >= Math.min(...ruleDays)) {
      throw new AppError(
        'validation_failed',
        'warnDaysBefore: must be less than the reclaim days',
        {
          errors: [
            {
              path: 'warnDaysBefore',
              message: 'must be less than the reclaim days',
              code: 'too_big',
              params: { maximum: Math.min(...ruleDays) - 1 },
            },
          ],
        },
      );
    }
  }
  if (next.departmentIds && next.departmentIds.length > 0) {
    const known = new Set((await listDepartments(ctx)).map((d) => d.id));
    next.departmentIds.forEach((id, i) => {
      if (!known.has(id)) {
        throw invalid(`departmentIds.${i}`, 'no such department in this workspace', 'not_found');
      }
    });
  }
}

const dedupe = (ids: string[] | undefined) => (ids ? [...new Set(ids)] : ids);

export async function createPool(ctx: Ctx, data: CreatePoolInput): Promise<Pool> {
  requireWorkspaceAdmin(ctx);
  const input = { ...data, departmentIds: dedupe(data.departmentIds) };
  await assertValidRules(ctx, data.objectType, input);
  return auditedWrite(ctx, 'pool', async (tx) => {
    const now = ctx.now();
    const [row] = await tx
      .insert(pools)
      .values({
        ...input,
        workspaceId: ctx.actor.workspaceId,
        id: newId(),
        createdAt: now,
        updatedAt: now,
        createdBy: ctx.actor.userId,
      })
      .returning();
    const pool = toPool(row);
    return {
      recordId: row.id,
      action: 'create',
      before: null,
      after: pool,
      fields: POOL_FIELDS,
      result: pool,
    };
  });
}

export async function updatePool(
  ctx: Ctx,
  { id, data, expectedVersion }: { id: string; data: UpdatePoolInput; expectedVersion?: number },
): Promise<Pool> {
  requireWorkspaceAdmin(ctx);
  const current = await loadPool(ctx, id);
  if (!current) throw notFound('Pool');
  if (expectedVersion !== undefined && current.version !== expectedVersion) {
    throw new AppError(
      'precondition_failed',
      `This pool was changed by someone else (now version ${current.version}). Reload it and apply your change again.`,
    );
  }
  const patch = { ...data, departmentIds: dedupe(data.departmentIds) };
  await assertValidRules(ctx, current.objectType, { ...current, ...patch });
  const counts = await poolServiceOf(current.objectType).countPooled(ctx);
  return auditedWrite(ctx, 'pool', async (tx) => {
    const [row] = await tx
      .update(pools)
      .set({ ...patch, version: sql`${pools.version} + 1`, updatedAt: ctx.now() })
      .where(
        and(
          ofWorkspace(ctx.actor.workspaceId),
          eq(pools.id, id),
          eq(pools.version, current.version),
        ),
      )
      .returning();
    if (!row)
      throw new AppError(
        'precondition_failed',
        'This pool was changed meanwhile. Reload it and try again.',
      );
    const pool = toPool(row, counts.get(id) ?? 0);
    return {
      recordId: id,
      action: 'update',
      before: toPool(current),
      after: pool,
      fields: POOL_FIELDS,
      result: pool,
    };
  });
}

/** Deletes an empty pool; one that records still belong to answers 409 and stays. */
export async function deletePool(ctx: Ctx, id: string): Promise<void> {
  requireWorkspaceAdmin(ctx);
  const current = await loadPool(ctx, id);
  if (!current) throw notFound('Pool');
  const belonging = await poolServiceOf(current.objectType).countBelonging(ctx, id);
  if (belonging > 0) {
    throw new AppError(
      'conflict',
      `${belonging} record(s) belong to this pool (in it or owned). Move them to another pool first.`,
    );
  }
  await auditedWrite(ctx, 'pool', async (tx) => {
    await tx.delete(pools).where(and(ofWorkspace(ctx.actor.workspaceId), eq(pools.id, id)));
    return {
      recordId: id,
      action: 'delete',
      before: toPool(current),
      after: null,
      fields: POOL_FIELDS,
      result: undefined,
    };
  });
}
