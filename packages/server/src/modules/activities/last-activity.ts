import { and, eq, isNull, max } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.js';
import type { WriteAction } from '../../platform/record-writes.js';
import { noteAccountActivity, setAccountLastActivity } from '../accounts/index.js';
import { noteLeadActivity } from '../leads/index.js';
import { activities } from './activities.tables.js';

type Timed = { accountId: string | null; leadId: string | null; occurredAt: Date };

/** The account's last activity time, recomputed from its live activities. */
export async function refreshAccountLastActivity(ctx: Ctx, accountId: string): Promise<void> {
  const [{ at }] = await ctx.db
    .select({ at: max(activities.occurredAt) })
    .from(activities)
    .where(
      and(
        eq(activities.workspaceId, ctx.actor.workspaceId),
        eq(activities.accountId, accountId),
        isNull(activities.deletedAt),
      ),
    );
  await setAccountLastActivity(ctx, accountId, at ?? null);
}

/**
 * Keeps `lastActivityAt` of the linked account and lead current, in the activity's transaction.
 * A new (or restored) activity moves it forward; an edit, a move or a deletion recomputes the
 * account's from its live activities, so a mistaken entry removed does not keep it "active".
 * Leads only move forward (their module offers no recomputation).
 */
export async function noteActivityTimes(
  ctx: Ctx,
  change: { action: WriteAction; before: Timed | null; after: Timed },
): Promise<void> {
  const { action, before, after } = change;
  if (action === 'create' || action === 'restore') {
    if (after.accountId) await noteAccountActivity(ctx, after.accountId, after.occurredAt);
  } else {
    const moved =
      action === 'delete' ||
      before?.accountId !== after.accountId ||
      before?.occurredAt.getTime() !== after.occurredAt.getTime();
    if (moved) {
      for (const id of new Set([before?.accountId, after.accountId])) {
        if (id) await refreshAccountLastActivity(ctx, id);
      }
    }
  }
  if (action !== 'delete' && after.leadId) {
    await noteLeadActivity(ctx, after.leadId, after.occurredAt);
  }
}
