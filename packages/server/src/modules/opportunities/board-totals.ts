import { and, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { Ctx } from '../../platform/context.js';
import { scopeCondition } from '../../platform/permissions.js';
import type { OpportunityRow } from './opportunities.service.js';
import { opportunities, opportunityBoardTotals } from './opportunities.tables.js';

// The board's per-stage totals, kept in opportunity_board_totals by every opportunity write
// (same transaction) instead of aggregating the whole pipeline on each board view: a board of
// 300,000 deals then reads a few dozen rows. Exact: amounts are summed as numeric in SQL.

const b = opportunityBoardTotals;
const o = opportunities;

/** What one live opportunity adds to its (pipeline, stage, owner, currency) totals. */
type Share = Pick<
  OpportunityRow,
  'pipelineId' | 'stageId' | 'ownerId' | 'currency' | 'amount' | 'probability'
>;

const shareOf = (row: OpportunityRow | null): Share | null =>
  row && row.deletedAt === null
    ? {
        pipelineId: row.pipelineId,
        stageId: row.stageId,
        ownerId: row.ownerId,
        currency: row.currency,
        amount: row.amount,
        probability: row.probability,
      }
    : null;

const sameShare = (x: Share | null, y: Share | null) =>
  x === y ||
  (x !== null && y !== null && (Object.keys(x) as (keyof Share)[]).every((k) => x[k] === y[k]));

/** Adds rows of deltas (one per key) to the totals; the upsert keeps concurrent writes exact. */
async function addTotals(db: Executor, deltas: SQL) {
  await db.execute(sql`
    insert into ${b} (workspace_id, pipeline_id, stage_id, owner_id, currency, count, amount_count, amount, weighted)
    ${deltas}
    on conflict (workspace_id, pipeline_id, stage_id, owner_id, currency) do update set
      count = ${b}.count + excluded.count,
      amount_count = ${b}.amount_count + excluded.amount_count,
      amount = ${b}.amount + excluded.amount,
      weighted = ${b}.weighted + excluded.weighted`);
}

function shareDelta(workspaceId: string, share: Share, sign: 1 | -1): SQL {
  const amount = share.amount === null ? sql`0::numeric` : sql`${share.amount}::numeric`;
  return sql`(${workspaceId}::uuid, ${share.pipelineId}::uuid, ${share.stageId}::uuid,
    ${share.ownerId}::uuid, ${share.currency}, ${sign}::int, ${share.amount === null ? 0 : sign}::int,
    ${amount} * ${sign}, ${amount} * ${share.probability}::int * ${sign})`;
}

/**
 * Moves the totals from what the opportunity counted before a write to what it counts after
 * (a trashed opportunity counts nothing). Runs in the write's transaction.
 */
export async function noteBoardTotals(
  ctx: Ctx,
  before: OpportunityRow | null,
  after: OpportunityRow,
): Promise<void> {
  const [minus, plus] = [shareOf(before), shareOf(after)];
  if (sameShare(minus, plus)) return;
  const ws = ctx.actor.workspaceId;
  const deltas = [
    ...(minus ? [shareDelta(ws, minus, -1)] : []),
    ...(plus ? [shareDelta(ws, plus, 1)] : []),
  ];
  // One upsert may not touch a key twice: a change of amount alone takes two.
  if (minus && plus && sameKey(minus, plus)) {
    for (const delta of deltas) await addTotals(ctx.db, sql`values ${delta}`);
  } else {
    await addTotals(ctx.db, sql`values ${sql.join(deltas, sql`, `)}`);
  }
}

const sameKey = (x: Share, y: Share) =>
  x.pipelineId === y.pipelineId &&
  x.stageId === y.stageId &&
  x.ownerId === y.ownerId &&
  x.currency === y.currency;

/**
 * The totals the live opportunities selected by `where` add up to, as insertable rows, counted
 * for their owner or for `ownerSql` (then all selected rows have one owner).
 */
const aggregateOf = (where: SQL, sign: 1 | -1, ownerSql: SQL = sql`${o.ownerId}`) => sql`
  select ${o.workspaceId}, ${o.pipelineId}, ${o.stageId}, ${ownerSql}, ${o.currency},
    count(*)::int * ${sign}, count(${o.amount})::int * ${sign},
    coalesce(sum(${o.amount}), 0) * ${sign}, coalesce(sum(${o.amount} * ${o.probability}), 0) * ${sign}
  from ${o} where ${where} and ${o.deletedAt} is null
  group by ${o.workspaceId}, ${o.pipelineId}, ${o.stageId}, ${o.ownerId}, ${o.currency}`;

/**
 * Opportunities `ids` just moved from `fromUserId` to their current owner (a bulk transfer that
 * bypasses the write hooks): their totals move with them. Runs in the transfer's transaction.
 */
export async function moveBoardTotals(
  db: Executor,
  workspaceId: string,
  fromUserId: string,
  ids: string[],
): Promise<void> {
  if (ids.length === 0) return;
  const moved = and(eq(o.workspaceId, workspaceId), inArray(o.id, ids)) as SQL;
  await addTotals(db, aggregateOf(moved, -1, sql`${fromUserId}::uuid`));
  await addTotals(db, aggregateOf(moved, 1));
}

/**
 * Recomputes a workspace's totals from its opportunities (all workspaces when none is given):
 * for data written before the totals existed, or loaded in bulk.
 */
export async function rebuildBoardTotals(db: Executor, workspaceId?: string): Promise<void> {
  const inWorkspace = workspaceId ? eq(b.workspaceId, workspaceId) : undefined;
  await db.delete(b).where(inWorkspace);
  await addTotals(db, aggregateOf(workspaceId ? eq(o.workspaceId, workspaceId) : sql`true`, 1));
}

export type StageTotalRow = {
  stageId: string;
  currency: string;
  n: number;
  amount: string | null;
  weighted: string | null;
};

/** The pipeline's totals per stage and currency over the owners in the actor's data scope. */
export async function readBoardTotals(ctx: Ctx, pipelineId: string): Promise<StageTotalRow[]> {
  const rows = await ctx.db
    .select({
      stageId: b.stageId,
      currency: b.currency,
      n: sql<number>`sum(${b.count})::int`,
      amountCount: sql<number>`sum(${b.amountCount})::int`,
      amount: sql<string>`sum(${b.amount})::text`,
      weighted: sql<string>`round(sum(${b.weighted}) / 100, 2)::text`,
    })
    .from(b)
    .where(
      and(
        eq(b.workspaceId, ctx.actor.workspaceId),
        eq(b.pipelineId, pipelineId),
        await scopeCondition(ctx, 'opportunity', b.ownerId),
      ),
    )
    .groupBy(b.stageId, b.currency);
  return rows
    .filter((r) => r.n > 0)
    .map((r) => ({
      stageId: r.stageId,
      currency: r.currency,
      n: r.n,
      amount: r.amountCount > 0 ? r.amount : null,
      weighted: r.amountCount > 0 ? r.weighted : null,
    }));
}

/** The same figures aggregated from the opportunities themselves (filtered boards, tests). */
export async function aggregateBoardTotals(ctx: Ctx, where: SQL): Promise<StageTotalRow[]> {
  return (await ctx.db
    .select({
      stageId: o.stageId,
      currency: o.currency,
      n: sql<number>`count(*)::int`,
      amount: sql<string | null>`sum(${o.amount})::text`,
      weighted: sql<string | null>`round(sum(${o.amount} * ${o.probability}) / 100, 2)::text`,
    })
    .from(o)
    .where(and(where, isNull(o.deletedAt)))
    .groupBy(o.stageId, o.currency)) as StageTotalRow[];
}
