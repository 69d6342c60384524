import type { ListQuery, PoolEntry, PooledFields, ReclaimRule } from '@guanxi/contract';
import { and, count, eq, isNotNull, isNull, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import type { Ctx } from './context.js';
import { AppError, notFound } from './errors.js';
import { poolColumnsOf, recordOwnerChange, runClaimFollowers } from './ownership.js';
import { requirePermission } from './permissions.js';
import { resolvePoolId } from './pool-directory.js';
import { reclaimOperations } from './pool-reclaim-records.js';
import { onTransaction } from './record-writes.js';
import {
  findVisible,
  listRecords,
  maskHiddenFields,
  type ObjectDef,
  type StoredRecord,
  tenantRow,
} from './records.js';
import { actingUserId } from './system-actor.js';

// The public pool (公海) mechanics of a poolable object: list what waits in a pool, claim,
// return, find and reclaim records past their pool's rules. Which pools exist, who may see them
// and their limits come from the pools module, which owns them.

/** The stored pool columns of a poolable record. */
export type PooledRow = StoredRecord & {
  poolId: string | null;
  ownerSince: Date | null;
  pooledAt: Date | null;
  poolEntry: string | null;
  returnReason: string | null;
  formerOwnerId: string | null;
};

/** The pool fields of the API record. */
export const pooledFieldsToApi = (row: PooledRow): PooledFields => ({
  ownerId: row.ownerId,
  poolId: row.poolId,
  ownerSince: row.ownerSince?.toISOString() ?? null,
  pooledAt: row.pooledAt?.toISOString() ?? null,
  poolEntry: row.poolEntry as PoolEntry | null,
  returnReason: row.returnReason,
  formerOwnerId: row.formerOwnerId,
});

/** What a claim needs to know of the record's pool; null when the actor may not claim from it. */
export type ClaimRules = { holdingLimit: number | null } | null;
export type ReclaimRules = {
  noActivityDays: number | null;
  noWonDays: number | null;
  warnDaysBefore: number | null;
};
/** An owned record whose reclaim deadline is near (`due` false: warn) or past (`due` true). */
export type DueRecord = {
  id: string;
  name: string;
  ownerId: string;
  rule: ReclaimRule;
  deadline: Date;
  due: boolean;
};

export function poolService<Row extends StoredRecord, Api extends Record<string, unknown>>(
  def: ObjectDef<Row, Api>,
  present: (ctx: Ctx, rows: Row[]) => Promise<Api[]> = async (_ctx, rows) => rows.map(def.toApi),
) {
  const t = poolColumnsOf(def as never);
  const object = def.object as 'account' | 'lead';
  const shown = async (ctx: Ctx, rows: Row[]) =>
    (await present(ctx, rows)).map((r) => maskHiddenFields(ctx, def, r));
  const live = (ctx: Ctx) =>
    and(eq(t.workspaceId, ctx.actor.workspaceId), isNull(t.deletedAt)) as SQL;

  async function countHeld(db: Executor, workspaceId: string, userId: string): Promise<number> {
    const [row] = await db
      .select({ n: count() })
      .from(t)
      .where(and(eq(t.workspaceId, workspaceId), eq(t.ownerId, userId), isNull(t.deletedAt)));
    return Number(row?.n ?? 0);
  }

  return {
    object,

    /** The unowned records of a pool (pool visibility is the caller's check). */
    async listInPool(ctx: Ctx, poolId: string, query: ListQuery) {
      const inPool = and(eq(t.poolId, poolId), isNull(t.ownerId));
      const { rows, nextCursor } = await listRecords(
        ctx,
        def,
        { ...query, deleted: undefined },
        inPool,
        { scope: 'pool' },
      );
      return { data: await shown(ctx, rows), nextCursor };
    },

    /** Records waiting per pool id. */
    async countPooled(ctx: Ctx): Promise<Map<string, number>> {
      const rows = await ctx.db
        .select({ poolId: t.poolId, n: count() })
        .from(t)
        .where(and(live(ctx), isNull(t.ownerId), isNotNull(t.poolId)))
        .groupBy(t.poolId);
      return new Map(rows.map((r) => [r.poolId as string, Number(r.n)]));
    },

    countHeld: (ctx: Ctx, userId: string) => countHeld(ctx.db, ctx.actor.workspaceId, userId),

    /** Records that belong to the pool: waiting in it, owned, or in the trash. */
    async countBelonging(ctx: Ctx, poolId: string): Promise<number> {
      const [row] = await ctx.db
        .select({ n: count() })
        .from(t)
        .where(and(eq(t.workspaceId, ctx.actor.workspaceId), eq(t.poolId, poolId)));
      return Number(row?.n ?? 0);
    },

    /**
     * The caller takes a record out of its pool. One transaction: the row is locked, so of two
     * concurrent claims exactly one wins and the other answers 409 `not_in_pool`.
     */
    async claim(
      ctx: Ctx,
      id: string,
      claimRules: (ctx: Ctx, poolId: string | null) => Promise<ClaimRules>,
    ): Promise<Api> {
      requirePermission(ctx, def.object, 'update');
      const me = ctx.actor.userId;
      const row = await ctx.db.transaction(async (tx) => {
        ctx = onTransaction(ctx, tx);
        const [current] = (await tx
          .select()
          .from(t)
          .where(and(tenantRow(ctx, t, id), isNull(t.deletedAt)))
          .for('update')) as unknown as PooledRow[];
        if (!current) throw notFound(def.label);
        const rules = await claimRules(ctx, current.poolId);
        // Pools the caller may not use hide their records like any record out of scope.
        if (!rules) throw notFound(def.label);
        if (current.ownerId !== null) {
          throw new AppError(
            'not_in_pool',
            current.ownerId === me
              ? `You already own this ${def.label.toLowerCase()}.`
              : `This ${def.label.toLowerCase()} is no longer in the pool: someone else claimed it first.`,
          );
        }
        if (rules.holdingLimit !== null) {
          // One claim at a time per person and object, so two claims cannot both pass the limit.
          await tx.execute(
            sql`select pg_advisory_xact_lock(hashtext(${`holding:${ctx.actor.workspaceId}:${me}:${object}`}))`,
          );
          const held = await countHeld(tx, ctx.actor.workspaceId, me);
          if (held >= rules.holdingLimit) {
            throw new AppError(
              'holding_limit',
              `You already own ${held} ${def.label.toLowerCase()}s, the most this pool allows (${rules.holdingLimit}). Return one before claiming another.`,
              { params: { limit: rules.holdingLimit, held } },
            );
          }
        }
        const now = ctx.now();
        const [claimed] = (await tx
          .update(t)
          .set({
            ownerId: me,
            ownerSince: now,
            pooledAt: null,
            poolEntry: null,
            returnReason: null,
            formerOwnerId: null,
            version: sql`${t.version} + 1`,
            updatedAt: now,
            updatedBy: me,
          })
          .where(and(tenantRow(ctx, t, id), isNull(t.ownerId)))
          .returning()) as unknown as Row[];
        await recordOwnerChange(ctx, tx, def, {
          before: current,
          after: claimed,
          event: 'claimed',
        });
        if (current.formerOwnerId && current.formerOwnerId !== me) {
          await runClaimFollowers(ctx, def.object, {
            recordId: id,
            fromUserId: current.formerOwnerId,
            toUserId: me,
          });
        }
        return claimed;
      });
      return (await shown(ctx, [row]))[0];
    },

    /** The owner (or someone whose scope covers the record) gives it back to its pool. */
    async giveBack(ctx: Ctx, id: string, reason: string): Promise<Api> {
      requirePermission(ctx, def.object, 'update');
      const row = await ctx.db.transaction(async (tx) => {
        ctx = onTransaction(ctx, tx);
        const current = (await findVisible(ctx, tx, def, id, {
          deleted: false,
          forUpdate: true,
        })) as unknown as PooledRow | undefined;
        if (!current) throw notFound(def.label);
        if (current.ownerId === null) {
          throw new AppError(
            'not_in_pool',
            `This ${def.label.toLowerCase()} is already in the pool.`,
          );
        }
        const poolId = current.poolId ?? (await resolvePoolId(ctx, object, undefined, true));
        if (!poolId) {
          throw new AppError(
            'conflict',
            `This workspace has no ${def.label.toLowerCase()} pool to return it to. An administrator can add one under Settings → Pools.`,
          );
        }
        const now = ctx.now();
        const [returned] = (await tx
          .update(t)
          .set({
            ownerId: null,
            ownerSince: null,
            poolId,
            pooledAt: now,
            poolEntry: 'returned' satisfies PoolEntry,
            returnReason: reason,
            formerOwnerId: current.ownerId,
            version: sql`${t.version} + 1`,
            updatedAt: now,
            updatedBy: actingUserId(ctx),
          })
          .where(tenantRow(ctx, t, id))
          .returning()) as unknown as Row[];
        await recordOwnerChange(ctx, tx, def, {
          before: current,
          after: returned,
          event: 'returned',
          extra: { returnReason: reason },
        });
        return returned;
      });
      return (await shown(ctx, [row]))[0];
    },

    ...reclaimOperations(def, t),
  };
}

export type PoolService = ReturnType<typeof poolService>;
