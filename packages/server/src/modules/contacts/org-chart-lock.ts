import { sql } from 'drizzle-orm';
import { rowsOf } from '../../db/client.js';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { onTransaction } from '../../platform/record-writes.js';

/** How long a change waits for other changes to the same workspace's org chart to commit. */
const LOCK_TRIES = 100;
const LOCK_PAUSE_SECONDS = 0.05;

/**
 * Serializes org-chart changes within a workspace for the rest of the transaction: two people
 * making A report to B and B report to A at the same moment would otherwise both pass the
 * cycle check. Each later statement (READ COMMITTED) then sees the other's committed change.
 * Re-entrant within a transaction. It tries rather than blocks, so a caller that already holds
 * row locks (a merge) cannot deadlock with the holder: after about five seconds it gives up
 * with 409 `conflict`, nothing written.
 */
export async function lockOrgChart(ctx: Ctx): Promise<void> {
  const key = `contact-org-chart:${ctx.actor.workspaceId}`;
  for (let attempt = 1; ; attempt++) {
    const [row] = rowsOf<{ locked: boolean }>(
      await ctx.db.execute(
        sql`select pg_try_advisory_xact_lock(hashtextextended(${key}, 0)) as locked`,
      ),
    );
    if (row?.locked) return;
    if (attempt >= LOCK_TRIES) {
      throw new AppError(
        'conflict',
        "Others are changing this workspace's org chart at this moment. Try again.",
      );
    }
    await ctx.db.execute(sql`select pg_sleep(${LOCK_PAUSE_SECONDS})`);
  }
}

/**
 * Runs a contact write that may change the org chart (its manager or its account) with the
 * org-chart lock taken first, before the write locks any contact row. Taken later, a writer
 * holding the lock could wait on a row (its manager's, for the foreign key) that another writer
 * locked before queueing for the lock: a deadlock.
 */
export async function withOrgChartLock<T>(
  ctx: Ctx,
  data: Record<string, unknown>,
  write: (ctx: Ctx) => Promise<T>,
): Promise<T> {
  if (data.reportsToId === undefined && data.accountId === undefined) return write(ctx);
  return ctx.db.transaction(async (tx) => {
    const txCtx = onTransaction(ctx, tx);
    await lockOrgChart(txCtx);
    return write(txCtx);
  });
}
