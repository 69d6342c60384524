import type { Opportunity } from '@guanxi/contract';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.js';
import { requirePermission, restrictedFields, scopeCondition } from '../../platform/permissions.js';
import { maskHiddenFields } from '../../platform/records.js';
import {
  type OpportunityRow,
  opportunityObject,
  presentOpportunities,
} from './opportunities.service.js';
import { opportunities, pipelineStages } from './opportunities.tables.js';

export type MoneySum = { currency: string; amount: string };

export type AccountOpportunitySummary = {
  /** Open opportunities the actor sees, newest change first (at most 100). */
  open: Opportunity[];
  /** Won and lost ones, most recently closed first (at most 100). */
  closed: Opportunity[];
  /** Amounts of all open opportunities, per currency (empty when the role hides amounts). */
  openPipeline: MoneySum[];
  /** Amounts of all won opportunities, per currency (empty when the role hides amounts). */
  wonRevenue: MoneySum[];
  /** When the latest visible won opportunity closed. */
  lastWonAt: string | null;
};

const LIST_LIMIT = 100;

/** The account's deals for its 360 page, within the actor's data scope. */
export async function summarizeAccountOpportunities(
  ctx: Ctx,
  accountId: string,
): Promise<AccountOpportunitySummary> {
  requirePermission(ctx, 'opportunity', 'read');
  const t = opportunities;
  const s = pipelineStages;
  const where = and(
    eq(t.workspaceId, ctx.actor.workspaceId),
    eq(t.accountId, accountId),
    isNull(t.deletedAt),
    await scopeCondition(ctx, 'opportunity', t.ownerId),
  );
  const stageJoin = and(eq(s.workspaceId, t.workspaceId), eq(s.id, t.stageId));
  const sums = await ctx.db
    .select({
      kind: s.kind,
      currency: t.currency,
      amount: sql<string | null>`sum(${t.amount})::text`,
      lastClosedAt: sql<string | null>`max(${t.closedAt})`,
    })
    .from(t)
    .innerJoin(s, stageJoin)
    .where(where)
    .groupBy(s.kind, t.currency);
  // Open and closed deals come in one round trip; each half keeps its own order and limit.
  const half = (closed: boolean) =>
    ctx.db
      .select({ opportunity: t, closed: sql<boolean>`${s.kind} <> 'open'`.as('closed') })
      .from(t)
      .innerJoin(s, stageJoin)
      .where(and(where, closed ? sql`${s.kind} <> 'open'` : eq(s.kind, 'open')))
      .orderBy(closed ? desc(t.closedAt) : desc(t.updatedAt), desc(t.id))
      .limit(LIST_LIMIT);
  const rows = await half(false).unionAll(half(true));
  const records = await presentOpportunities(
    ctx,
    rows.map((r) => r.opportunity as OpportunityRow),
  );
  const masked = records.map((o) => maskHiddenFields(ctx, opportunityObject, o));
  const ofHalf = (closed: boolean) => masked.filter((_, i) => rows[i].closed === closed);
  const amountHidden = restrictedFields(ctx, 'opportunity').hidden.includes('amount');
  const money = (kind: 'open' | 'won') =>
    amountHidden
      ? []
      : sums
          .filter((r) => r.kind === kind && r.amount !== null)
          .map((r) => ({ currency: r.currency, amount: r.amount as string }))
          .sort((a, b) => a.currency.localeCompare(b.currency));
  const wonTimes = sums
    .filter((r) => r.kind === 'won' && r.lastClosedAt)
    .map((r) => new Date(r.lastClosedAt as string).getTime());
  return {
    open: ofHalf(false),
    closed: ofHalf(true),
    openPipeline: money('open'),
    wonRevenue: money('won'),
    lastWonAt: wonTimes.length > 0 ? new Date(Math.max(...wonTimes)).toISOString() : null,
  };
}
