import type { ListQuery, PoolObject } from '@guanxi/contract';
import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.js';
import type { ClaimRules } from '../../platform/pool-records.js';
import { poolServiceOf } from './pooled-objects.js';
import { getVisiblePool, maySeePool } from './pools.service.js';
import { pools } from './pools.tables.js';

/** The records waiting in a pool the caller may see, with the shared list's query options. */
export async function listPoolRecords(ctx: Ctx, poolId: string, query: ListQuery) {
  const pool = await getVisiblePool(ctx, poolId);
  return poolServiceOf(pool.objectType).listInPool(ctx, pool.id, query);
}

/** The rules of the record's pool when the caller may claim from it (checked in the claim). */
const claimRulesFor =
  (object: PoolObject) =>
  async (ctx: Ctx, poolId: string | null): Promise<ClaimRules> => {
    if (!poolId) return null;
    const [pool] = await ctx.db
      .select()
      .from(pools)
      .where(
        and(
          eq(pools.workspaceId, ctx.actor.workspaceId),
          eq(pools.id, poolId),
          eq(pools.objectType, object),
        ),
      );
    if (!pool || !(await maySeePool(ctx, pool))) return null;
    return { holdingLimit: pool.holdingLimit };
  };

export const claimRecord = (ctx: Ctx, object: PoolObject, id: string) =>
  poolServiceOf(object).claim(ctx, id, claimRulesFor(object));

export const returnRecord = (ctx: Ctx, object: PoolObject, id: string, reason: string) =>
  poolServiceOf(object).giveBack(ctx, id, reason);
