import type { PermissionObject, PoolEntry } from '@guanxi/contract';
import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Executor } from '../db/client.js';
import { recordChange } from './audit.js';
import type { Ctx } from './context.js';
import type { ObjectDef, StoredRecord } from './records.js';
import { actingUserId } from './system-actor.js';

// Owner changes outside a normal edit: claims, returns, reclaims, employee-leave transfers. Each
// moved record gets its audit entry (ownerId old → new) and a named outbox event.

/** The pool columns of a poolable object's table (see modules/pools poolColumns). */
export type PoolColumns = {
  poolId: PgColumn;
  ownerSince: PgColumn;
  pooledAt: PgColumn;
  poolEntry: PgColumn;
  returnReason: PgColumn;
  formerOwnerId: PgColumn;
};

export const poolColumnsOf = (def: ObjectDef<StoredRecord, Record<string, unknown>>) => {
  if (!def.poolable) throw new Error(`${def.object} records cannot be in a pool`);
  return def.table as unknown as ObjectDef<StoredRecord, Record<string, unknown>>['table'] &
    PoolColumns;
};

export type OwnerEvent = 'claimed' | 'returned' | 'reclaimed' | 'transferred';

/** Audit entry and outbox event of one owner change. */
export async function recordOwnerChange<Row extends StoredRecord>(
  ctx: Ctx,
  tx: Executor,
  def: ObjectDef<Row, Record<string, unknown>>,
  change: { before: { ownerId: string | null }; after: Row; event: OwnerEvent; extra?: object },
) {
  const extra = Object.entries(change.extra ?? {}).map(([field, value]) => ({
    field,
    old: null,
    new: value,
  }));
  await recordChange(ctx, tx, {
    objectType: def.object,
    recordId: change.after.id,
    action: 'update',
    changes: [
      { field: 'ownerId', old: change.before.ownerId, new: change.after.ownerId },
      ...extra,
    ],
    at: ctx.now(),
    payload: def.toApi(change.after),
    eventType: `${def.object}.${change.event}`,
  });
}

const BATCH = 200;
/** Lets other work (PGlite runs one query at a time) go between batches. */
export const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Gives every record of `def` owned by `fromUserId` (the trash included) to `toUserId`, or with
 * `toUserId` null puts it back into its pool (poolable objects only). Batches of 200, each in
 * its own short transaction; returns how many records moved. The caller checks who may do this.
 */
export async function transferOwnedRecords<Row extends StoredRecord>(
  ctx: Ctx,
  def: ObjectDef<Row, Record<string, unknown>>,
  args: {
    fromUserId: string;
    toUserId: string | null;
    where?: SQL;
    poolIdFallback?: string;
    /** Data the object derives from its records' owners, moved in each batch's transaction. */
    afterBatch?: (tx: Executor, ids: string[]) => Promise<void>;
  },
): Promise<number> {
  const t = def.table;
  const now = ctx.now();
  let moved = 0;
  for (;;) {
    const count = await ctx.db.transaction(async (tx) => {
      const ids = await tx
        .select({ id: t.id })
        .from(t)
        .where(
          and(eq(t.workspaceId, ctx.actor.workspaceId), eq(t.ownerId, args.fromUserId), args.where),
        )
        .limit(BATCH)
        .for('update');
      if (ids.length === 0) return 0;
      const set: Record<string, unknown> = {
        ownerId: args.toUserId,
        version: sql`${t.version} + 1`,
        updatedAt: now,
        updatedBy: actingUserId(ctx),
      };
      if (def.poolable) {
        const p = poolColumnsOf(def as never);
        Object.assign(
          set,
          args.toUserId === null
            ? {
                ownerSince: null,
                pooledAt: now,
                poolEntry: 'owner_left' satisfies PoolEntry,
                returnReason: null,
                formerOwnerId: args.fromUserId,
                poolId: sql`coalesce(${p.poolId}, ${args.poolIdFallback ?? null}::uuid)`,
              }
            : { ownerSince: now },
        );
      }
      const rows = (await tx
        .update(t)
        .set(set)
        .where(
          and(
            eq(t.workspaceId, ctx.actor.workspaceId),
            inArray(
              t.id,
              ids.map((r) => r.id as string),
            ),
          ),
        )
        .returning()) as unknown as Row[];
      for (const row of rows) {
        await recordOwnerChange(ctx, tx, def, {
          before: { ownerId: args.fromUserId },
          after: row,
          event: args.toUserId === null ? 'returned' : 'transferred',
          extra: args.toUserId === null ? { poolEntry: 'owner_left' } : undefined,
        });
      }
      await args.afterBatch?.(
        tx,
        rows.map((r) => r.id),
      );
      return rows.length;
    });
    moved += count;
    if (count < BATCH) return moved;
    await yieldToOthers();
  }
}

/**
 * When a record of `object` is claimed, linked records its former owner had (an account's
 * contacts) follow it to the claimer. Runs in the claim's transaction; returns how many moved.
 */
export type ClaimFollower = (
  ctx: Ctx,
  args: { recordId: string; fromUserId: string; toUserId: string },
) => Promise<number>;

const followers = new Map<PermissionObject, Map<string, ClaimFollower>>();

/** A module whose records link to `object` registers how they follow a claim, once. */
export function registerClaimFollower(
  object: PermissionObject,
  name: string,
  follow: ClaimFollower,
): void {
  const forObject = followers.get(object) ?? new Map<string, ClaimFollower>();
  forObject.set(name, follow);
  followers.set(object, forObject);
}

export async function runClaimFollowers(
  ctx: Ctx,
  object: PermissionObject,
  args: { recordId: string; fromUserId: string; toUserId: string },
): Promise<Record<string, number>> {
  const moved: Record<string, number> = {};
  for (const [name, follow] of followers.get(object) ?? []) moved[name] = await follow(ctx, args);
  return moved;
}
