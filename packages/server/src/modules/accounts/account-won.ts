import { and, eq, sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.js';
import { accounts } from './accounts.tables.js';

// `lastWonAt` is derived data kept by the opportunities module inside its own writes (like
// `lastActivityAt`): it moves neither the account's version nor its history.

/** Moves the account's last win forward to `at` (never back): an opportunity entered a won stage. */
export async function noteAccountWon(ctx: Ctx, accountId: string, at: Date): Promise<void> {
  await ctx.db
    .update(accounts)
    .set({ lastWonAt: sql`greatest(${accounts.lastWonAt}, ${at.toISOString()}::timestamptz)` })
    .where(and(eq(accounts.workspaceId, ctx.actor.workspaceId), eq(accounts.id, accountId)));
}
