import { and, eq, sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.js';
import { accounts } from './accounts.tables.js';

// `lastActivityAt` is derived data kept by the activities module inside its own writes: it
// moves neither the account's version nor its history, so nobody editing the account gets a 412
// because a colleague logged a call.

const row = (ctx: Ctx, accountId: string) =>
  and(eq(accounts.workspaceId, ctx.actor.workspaceId), eq(accounts.id, accountId));

/** Moves the account's last activity time forward to `at` (never back). */
export async function noteAccountActivity(ctx: Ctx, accountId: string, at: Date): Promise<void> {
  await ctx.db
    .update(accounts)
    .set({
      lastActivityAt: sql`greatest(${accounts.lastActivityAt}, ${at.toISOString()}::timestamptz)`,
    })
    .where(row(ctx, accountId));
}

/** Sets the account's last activity time exactly (after an activity was removed or moved). */
export async function setAccountLastActivity(
  ctx: Ctx,
  accountId: string,
  at: Date | null,
): Promise<void> {
  await ctx.db.update(accounts).set({ lastActivityAt: at }).where(row(ctx, accountId));
}
