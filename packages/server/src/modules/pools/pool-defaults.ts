import type { PoolObject } from '@guanxi/contract';
import { and, asc, eq } from 'drizzle-orm';
import { newId } from '../../db/ids.js';
import type { PoolDirectory } from '../../platform/pool-directory.js';
import type { WorkspaceDefaults } from '../../platform/workspace-defaults.js';
import { pools } from './pools.tables.js';

const NAMES: Record<'zh-CN' | 'en', Record<PoolObject, string>> = {
  'zh-CN': { account: '公海客户', lead: '公海线索' },
  en: { account: 'Account pool', lead: 'Lead pool' },
};

/**
 * A new workspace gets one account pool and one lead pool, named in its language, with no
 * holding limit and no reclaim rules until an administrator sets them.
 */
export const createDefaultPools: WorkspaceDefaults = async (tx, { workspaceId, locale, now }) => {
  for (const objectType of ['account', 'lead'] as const) {
    await tx.insert(pools).values({
      workspaceId,
      id: newId(),
      name: NAMES[locale][objectType],
      objectType,
      createdAt: now,
      updatedAt: now,
    });
  }
};

const poolsOf = (workspaceId: string, object: PoolObject) =>
  and(eq(pools.workspaceId, workspaceId), eq(pools.objectType, object));

/** The data layer's view of pools: the default pool of new records, and valid pool ids. */
export const poolDirectory: PoolDirectory = {
  async defaultPoolId(ctx, object) {
    const [first] = await ctx.db
      .select({ id: pools.id })
      .from(pools)
      .where(poolsOf(ctx.actor.workspaceId, object))
      .orderBy(asc(pools.id))
      .limit(1);
    return first?.id ?? null;
  },
  async isPoolOf(ctx, object, poolId) {
    const [row] = await ctx.db
      .select({ id: pools.id })
      .from(pools)
      .where(and(poolsOf(ctx.actor.workspaceId, object), eq(pools.id, poolId)));
    return row !== undefined;
  },
};
