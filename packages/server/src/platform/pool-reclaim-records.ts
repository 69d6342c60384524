import { and, eq, inArray, isNotNull, isNull, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import type { Ctx } from './context.js';
import { type PoolColumns, recordOwnerChange } from './ownership.js';
import type { DueRecord, PooledRow, ReclaimRules } from './pool-records.js';
import { onTransaction } from './record-writes.js';
import type { ObjectDef, StoredRecord } from './records.js';
import { actingUserId } from './system-actor.js';

// Auto-reclaim mechanics of a poolable object: which owned records are near or past their
// pool's deadline, and taking them back as the system. The pools module schedules and words it.

const ts = (d: Date) => sql`${d.toISOString()}::timestamptz`;
const plusDays = (at: SQL, days: number) => sql`(${at} + make_interval(days => ${days}::int))`;
const epochMs = (at: SQL) => sql<number>`(extract(epoch from ${at}) * 1000)`.mapWith(Number);

type PoolTable = ObjectDef<StoredRecord, Record<string, unknown>>['table'] & PoolColumns;

export function reclaimOperations<Row extends StoredRecord, Api extends Record<string, unknown>>(
  def: ObjectDef<Row, Api>,
  t: PoolTable,
) {
  const object = def.object;
  const nameColumn = def.fields.name.column;
  const live = (ctx: Ctx) =>
    and(eq(t.workspaceId, ctx.actor.workspaceId), isNull(t.deletedAt)) as SQL;

  /** Reclaim deadlines of the pool's rules, as SQL over the record's columns. */
  function deadlines(rules: ReclaimRules) {
    const base = sql`coalesce(${t.ownerSince}, ${t.createdAt})`;
    const since = (column: unknown) => (column ? sql`greatest(${column}, ${base})` : (base as SQL));
    const activity =
      rules.noActivityDays != null
        ? plusDays(since(def.poolable?.lastActivityAt), rules.noActivityDays)
        : null;
    const won =
      object === 'account' && rules.noWonDays != null
        ? plusDays(since(def.poolable?.lastWonAt), rules.noWonDays)
        : null;
    const first = activity && won ? sql`least(${activity}, ${won})` : (activity ?? won);
    return { activity, won, first };
  }

  return {
    /**
     * Owned records of the pool whose reclaim deadline is within `warnDaysBefore` of `now` or
     * past it, in id order from `afterId` (batches).
     */
    async findDue(
      db: Executor,
      args: {
        workspaceId: string;
        poolId: string;
        rules: ReclaimRules;
        now: Date;
        afterId?: string;
        limit: number;
      },
    ): Promise<DueRecord[]> {
      const { activity, won, first } = deadlines(args.rules);
      if (!first) return [];
      const warnFrom = plusDays(ts(args.now), args.rules.warnDaysBefore ?? 0);
      const rows = await db
        .select({
          id: t.id,
          name: nameColumn,
          ownerId: t.ownerId,
          activity: activity ? epochMs(activity) : sql<null>`null`,
          won: won ? epochMs(won) : sql<null>`null`,
        })
        .from(t)
        .where(
          and(
            eq(t.workspaceId, args.workspaceId),
            eq(t.poolId, args.poolId),
            isNotNull(t.ownerId),
            isNull(t.deletedAt),
            args.afterId ? sql`${t.id} > ${args.afterId}` : undefined,
            sql`${first} <= ${warnFrom}`,
          ),
        )
        .orderBy(t.id)
        .limit(args.limit);
      return rows.map((r) => {
        const a = r.activity === null ? Number.POSITIVE_INFINITY : Number(r.activity);
        const w = r.won === null ? Number.POSITIVE_INFINITY : Number(r.won);
        const deadline = new Date(Math.min(a, w));
        return {
          id: r.id as string,
          name: r.name as string,
          ownerId: r.ownerId as string,
          rule: a <= w ? 'no_activity' : 'no_won',
          deadline,
          due: deadline.getTime() <= args.now.getTime(),
        };
      });
    },

    /**
     * Takes the given records back into the pool when their rule has really run out (checked
     * again in the update, so a follow-up logged meanwhile saves the record), as the system.
     * `then` runs in the same transaction for each reclaimed record (notifications).
     */
    async reclaim(
      ctx: Ctx,
      args: { poolId: string; rules: ReclaimRules; ids: string[] },
      then: (tx: Executor, row: PooledRow & { name: string }) => Promise<void>,
    ): Promise<number> {
      const { activity, first } = deadlines(args.rules);
      if (!first || args.ids.length === 0) return 0;
      const now = ctx.now();
      return ctx.db.transaction(async (tx) => {
        ctx = onTransaction(ctx, tx);
        const entry = activity
          ? sql`case when ${activity} <= ${ts(now)} then 'reclaimed_no_activity' else 'reclaimed_no_won' end`
          : sql`'reclaimed_no_won'`;
        const rows = (await tx
          .update(t)
          .set({
            ownerId: null,
            ownerSince: null,
            pooledAt: now,
            poolEntry: entry,
            returnReason: null,
            formerOwnerId: sql`${t.ownerId}`,
            version: sql`${t.version} + 1`,
            updatedAt: now,
            updatedBy: actingUserId(ctx),
          })
          .where(
            and(
              live(ctx),
              eq(t.poolId, args.poolId),
              inArray(t.id, args.ids),
              isNotNull(t.ownerId),
              sql`${first} <= ${ts(now)}`,
            ),
          )
          .returning()) as unknown as (PooledRow & { name: string })[];
        for (const row of rows) {
          await recordOwnerChange(ctx, tx, def, {
            before: { ownerId: row.formerOwnerId },
            after: row as unknown as Row,
            event: 'reclaimed',
            extra: { poolEntry: row.poolEntry },
          });
          await then(tx, row);
        }
        return rows.length;
      });
    },
  };
}
