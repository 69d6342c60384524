import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.js';
import { registerRelinker } from '../../platform/relinks.js';
import { opportunities, opportunityContacts } from './opportunities.tables.js';

// Merging two accounts or two contacts moves their opportunities' links to the one kept.

async function relinkAccount(ctx: Ctx, { from, to }: { from: string; to: string }) {
  const moved = await ctx.db
    .update(opportunities)
    .set({ accountId: to })
    .where(
      and(eq(opportunities.workspaceId, ctx.actor.workspaceId), eq(opportunities.accountId, from)),
    )
    .returning({ id: opportunities.id });
  return moved.length;
}

/** Primary contacts and contact roles; a deal that had both keeps one role, primary if either was. */
async function relinkContact(ctx: Ctx, { from, to }: { from: string; to: string }) {
  const ws = ctx.actor.workspaceId;
  const oc = opportunityContacts;
  const touched = new Set<string>();
  const primaries = await ctx.db
    .update(opportunities)
    .set({ contactId: to })
    .where(and(eq(opportunities.workspaceId, ws), eq(opportunities.contactId, from)))
    .returning({ id: opportunities.id });
  for (const { id } of primaries) touched.add(id);
  const roles = await ctx.db
    .select({
      opportunityId: oc.opportunityId,
      contactId: oc.contactId,
      isPrimary: oc.isPrimary,
      buyingRole: oc.buyingRole,
    })
    .from(oc)
    .where(and(eq(oc.workspaceId, ws), inArray(oc.contactId, [from, to])));
  const kept = new Map(roles.filter((r) => r.contactId === to).map((r) => [r.opportunityId, r]));
  for (const role of roles.filter((r) => r.contactId === from)) {
    touched.add(role.opportunityId);
    const other = kept.get(role.opportunityId);
    const where = and(eq(oc.workspaceId, ws), eq(oc.opportunityId, role.opportunityId));
    if (!other) {
      await ctx.db
        .update(oc)
        .set({ contactId: to })
        .where(and(where, eq(oc.contactId, from)));
      continue;
    }
    await ctx.db.delete(oc).where(and(where, eq(oc.contactId, from)));
    await ctx.db
      .update(oc)
      .set({
        isPrimary: other.isPrimary || role.isPrimary,
        buyingRole: sql`coalesce(${oc.buyingRole}, ${role.buyingRole})`,
      })
      .where(and(where, eq(oc.contactId, to)));
  }
  return touched.size;
}

export function registerOpportunityRelinkers() {
  registerRelinker('account', 'opportunities', relinkAccount);
  registerRelinker('contact', 'opportunities', relinkContact);
}
