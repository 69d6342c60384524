import { and, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Ctx } from '../../platform/context.js';
import { registerRelinker } from '../../platform/relinks.js';
import { tasks } from './tasks.tables.js';

type LinkColumn = 'leadId' | 'accountId' | 'contactId' | 'opportunityId';

/** Points every task (closed and trashed ones too) linked to `from` at `to` instead. */
async function moveTasks(ctx: Ctx, field: LinkColumn, from: string, to: string) {
  const column: PgColumn = tasks[field];
  const rows = await ctx.db
    .update(tasks)
    .set({
      [field]: to,
      version: sql`${tasks.version} + 1`,
      updatedAt: ctx.now(),
      updatedBy: ctx.actor.userId,
    })
    .where(and(eq(tasks.workspaceId, ctx.actor.workspaceId), eq(column, from)))
    .returning({ id: tasks.id });
  return rows.length;
}

for (const [object, field] of [
  ['account', 'accountId'],
  ['contact', 'contactId'],
  ['lead', 'leadId'],
  ['opportunity', 'opportunityId'],
] as const) {
  registerRelinker(object, 'tasks', (ctx, { from, to }) => moveTasks(ctx, field, from, to));
}

/**
 * Lead conversion: the lead's open tasks also link to the new account, contact and opportunity
 * (keeping the lead and any link they had). Returns how many tasks it linked.
 */
export async function relinkLeadTasks(
  ctx: Ctx,
  leadId: string,
  links: { accountId: string | null; contactId?: string | null; opportunityId?: string | null },
): Promise<number> {
  const set: Record<string, SQL | Date | string> = {
    version: sql`${tasks.version} + 1`,
    updatedAt: ctx.now(),
    updatedBy: ctx.actor.userId,
  };
  for (const field of ['accountId', 'contactId', 'opportunityId'] as const) {
    const value = links[field];
    if (value) set[field] = sql`coalesce(${tasks[field]}, ${value}::uuid)`;
  }
  const rows = await ctx.db
    .update(tasks)
    .set(set)
    .where(
      and(
        eq(tasks.workspaceId, ctx.actor.workspaceId),
        eq(tasks.leadId, leadId),
        eq(tasks.status, 'open'),
        isNull(tasks.deletedAt),
      ),
    )
    .returning({ id: tasks.id });
  return rows.length;
}
