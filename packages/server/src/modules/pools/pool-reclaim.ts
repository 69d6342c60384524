import type { ReclaimReport } from '@guanxi/contract';
import { isNotNull, or, sql } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client.js';
import type { Ctx } from '../../platform/context.js';
import { yieldToOthers } from '../../platform/ownership.js';
import { requireWorkspaceAdmin } from '../../platform/permissions.js';
import type { DueRecord, PooledRow } from '../../platform/pool-records.js';
import { systemCtx } from '../../platform/system-actor.js';
import { notify } from '../notifications/index.js';
import { poolServiceOf } from './pooled-objects.js';
import { loadPools, type PoolRow } from './pools.service.js';
import { pools } from './pools.tables.js';

// Auto-reclaim (回收): owned records whose pool rule ran out go back into the pool as the
// system, their former owners are told, and owners are warned `warnDaysBefore` days ahead.
// Idempotent: a second run finds nothing more to reclaim, and each warning is sent once per
// deadline (its dedupe key carries the deadline's date).

const BATCH = 100;

const hasRules = (pool: PoolRow) => pool.noActivityDays != null || pool.noWonDays != null;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

const ruleDays = (pool: PoolRow, rule: DueRecord['rule']) =>
  rule === 'no_activity' ? pool.noActivityDays : pool.noWonDays;

async function warn(db: Executor, pool: PoolRow, workspaceId: string, item: DueRecord, now: Date) {
  await notify(db, {
    workspaceId,
    userId: item.ownerId,
    kind: 'pools.reclaimWarning',
    params: {
      name: item.name,
      objectType: pool.objectType,
      poolName: pool.name,
      rule: item.rule,
      days: ruleDays(pool, item.rule),
      deadline: isoDay(item.deadline),
    },
    recordType: pool.objectType,
    recordId: item.id,
    dedupeKey: `pools.reclaimWarning:${item.id}:${isoDay(item.deadline)}`,
    at: now,
  });
}

async function notifyReclaimed(
  db: Executor,
  pool: PoolRow,
  workspaceId: string,
  row: PooledRow & { name: string },
  now: Date,
) {
  if (!row.formerOwnerId) return;
  const rule = row.poolEntry === 'reclaimed_no_won' ? 'no_won' : 'no_activity';
  await notify(db, {
    workspaceId,
    userId: row.formerOwnerId,
    kind: 'pools.reclaimed',
    params: {
      name: row.name,
      objectType: pool.objectType,
      poolName: pool.name,
      rule,
      days: ruleDays(pool, rule),
    },
    recordType: pool.objectType,
    recordId: row.id,
    dedupeKey: `pools.reclaimed:${row.id}:${now.toISOString()}`,
    at: now,
  });
}

/**
 * One pool's run at `now`: in batches of 100 (yielding between them), warns owners whose
 * deadline is near and reclaims what is past it. A dry run writes nothing and lists what a real
 * run would reclaim.
 */
export async function reclaimPool(
  db: Db,
  pool: PoolRow,
  now: Date,
  opts: { dryRun?: boolean } = {},
): Promise<ReclaimReport> {
  const report: ReclaimReport = { dryRun: opts.dryRun ?? false, reclaimed: [], warned: 0 };
  if (!hasRules(pool)) return report;
  const service = poolServiceOf(pool.objectType);
  const ctx = systemCtx(db, pool.workspaceId, now);
  const rules = {
    noActivityDays: pool.noActivityDays,
    noWonDays: pool.noWonDays,
    warnDaysBefore: pool.warnDaysBefore,
  };
  let afterId: string | undefined;
  for (;;) {
    const batch = await service.findDue(db, {
      workspaceId: pool.workspaceId,
      poolId: pool.id,
      rules,
      now,
      afterId,
      limit: BATCH,
    });
    const due = batch.filter((item) => item.due);
    const near = batch.filter((item) => !item.due);
    report.warned += near.length;
    if (opts.dryRun) {
      report.reclaimed.push(...due.map(toReportItem));
    } else {
      for (const item of near) await warn(db, pool, pool.workspaceId, item, now);
      const reclaimedIds = new Set<string>();
      await service.reclaim(
        ctx,
        { poolId: pool.id, rules, ids: due.map((d) => d.id) },
        async (tx, row) => {
          reclaimedIds.add(row.id);
          await notifyReclaimed(tx, pool, pool.workspaceId, row, now);
        },
      );
      report.reclaimed.push(...due.filter((d) => reclaimedIds.has(d.id)).map(toReportItem));
    }
    if (batch.length < BATCH) return report;
    afterId = batch[batch.length - 1].id;
    await yieldToOthers();
  }
}

const toReportItem = (item: DueRecord) => ({
  recordId: item.id,
  name: item.name,
  ownerId: item.ownerId,
  rule: item.rule,
  deadline: item.deadline.toISOString(),
});

/** Every pool of one workspace; the reclaim job's unit of work. */
export async function reclaimWorkspace(db: Db, workspaceId: string, now: Date) {
  let reclaimed = 0;
  let warned = 0;
  for (const pool of await loadPools(db, workspaceId)) {
    const report = await reclaimPool(db, pool, now);
    reclaimed += report.reclaimed.length;
    warned += report.warned;
  }
  return { reclaimed, warned };
}

/** Workspaces that have at least one pool with a reclaim rule. */
export async function workspacesWithReclaimRules(db: Executor): Promise<string[]> {
  const rows = await db
    .selectDistinct({ workspaceId: pools.workspaceId })
    .from(pools)
    .where(or(isNotNull(pools.noActivityDays), isNotNull(pools.noWonDays)))
    .orderBy(sql`1`);
  return rows.map((r) => r.workspaceId);
}

/** An administrator runs one pool's reclaim now (or sees, with `dryRun`, what it would take). */
export async function runReclaimNow(
  ctx: Ctx,
  pool: PoolRow,
  opts: { dryRun?: boolean },
): Promise<ReclaimReport> {
  requireWorkspaceAdmin(ctx);
  return reclaimPool(ctx.db, pool, ctx.now(), opts);
}
