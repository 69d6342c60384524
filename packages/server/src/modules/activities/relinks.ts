import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Ctx } from '../../platform/context.js';
import { registerRelinker } from '../../platform/relinks.js';
import { relinkLeadTasks } from '../tasks/index.js';
import { activities } from './activities.tables.js';
import { refreshAccountLastActivity } from './last-activity.js';

type LinkColumn = 'leadId' | 'accountId' | 'contactId' | 'opportunityId';

/** Points every activity (trashed ones too) linked to `from` at `to` instead. */
async function moveActivities(ctx: Ctx, field: LinkColumn, from: string, to: string) {
  const column: PgColumn = activities[field];
  const rows = await ctx.db
    .update(activities)
    .set({
      [field]: to,
      version: sql`${activities.version} + 1`,
      updatedAt: ctx.now(),
      updatedBy: ctx.actor.userId,
    })
    .where(and(eq(activities.workspaceId, ctx.actor.workspaceId), eq(column, from)))
    .returning({ id: activities.id });
  return rows.length;
}

// Merging two records moves their activities to the survivor; the merge's own audit entry
// reports how many moved.
registerRelinker('account', 'activities', async (ctx, { from, to }) => {
  const moved = await moveActivities(ctx, 'accountId', from, to);
  if (moved > 0) {
    await refreshAccountLastActivity(ctx, to);
    await refreshAccountLastActivity(ctx, from);
  }
  return moved;
});
registerRelinker('contact', 'activities', (ctx, { from, to }) =>
  moveActivities(ctx, 'contactId', from, to),
);
registerRelinker('lead', 'activities', (ctx, { from, to }) =>
  moveActivities(ctx, 'leadId', from, to),
);
registerRelinker('opportunity', 'activities', (ctx, { from, to }) =>
  moveActivities(ctx, 'opportunityId', from, to),
);

export type ConvertedLinks = {
  accountId: string | null;
  contactId?: string | null;
  opportunityId?: string | null;
};

/**
 * Lead conversion: the lead's activities (and its open tasks) also link to the new account,
 * contact and opportunity, keeping their lead link and any link they already had. Runs in the
 * conversion's transaction (`ctx.db` on it). Returns how many of each moved.
 */
export async function relinkLeadActivities(
  ctx: Ctx,
  leadId: string,
  links: ConvertedLinks,
): Promise<{ activities: number; tasks: number }> {
  const fill = (column: PgColumn, value: string | null | undefined): SQL | undefined =>
    value ? sql`coalesce(${column}, ${value}::uuid)` : undefined;
  const set: Record<string, SQL | Date | string> = {
    version: sql`${activities.version} + 1`,
    updatedAt: ctx.now(),
    updatedBy: ctx.actor.userId,
  };
  for (const [field, value] of [
    ['accountId', links.accountId],
    ['contactId', links.contactId],
    ['opportunityId', links.opportunityId],
  ] as const) {
    const expression = fill(activities[field], value);
    if (expression) set[field] = expression;
  }
  const rows = await ctx.db
    .update(activities)
    .set(set)
    .where(and(eq(activities.workspaceId, ctx.actor.workspaceId), eq(activities.leadId, leadId)))
    .returning({ id: activities.id });
  if (rows.length > 0 && links.accountId) await refreshAccountLastActivity(ctx, links.accountId);
  const tasks = await relinkLeadTasks(ctx, leadId, links);
  return { activities: rows.length, tasks };
}
