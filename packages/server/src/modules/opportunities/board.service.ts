import type {
  Board,
  BoardColumnQuery,
  BoardQuery,
  BoardSort,
  MoneyTotal,
  Opportunity,
  Pipeline,
} from '@guanxi/contract';
import { and, eq, isNull, type SQL } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { parseFilter, searchCondition } from '../../platform/list-query.js';
import { cursorCondition, encodeCursor, orderBy, parseSort } from '../../platform/list-sort.js';
import { requirePermission, restrictedFields, scopeCondition } from '../../platform/permissions.js';
import { maskHiddenFields } from '../../platform/records.js';
import { aggregateBoardTotals, readBoardTotals } from './board-totals.js';
import {
  type OpportunityRow,
  opportunityObject,
  presentOpportunities,
  toOpportunity,
} from './opportunities.service.js';
import { opportunities } from './opportunities.tables.js';
import { loadPipeline, loadPipelines, loadStage } from './stages.js';

// The kanban board: per stage of a pipeline, its count and totals (kept in board-totals.ts, or
// one grouped query when filtered) and its first cards (one keyset query per column, on the
// (stage, close date | updated) indexes).

const t = opportunities;

/** The object's fields minus those the role hides (no filtering, sorting or searching on them). */
function visibleFields(ctx: Ctx) {
  const { hidden } = restrictedFields(ctx, 'opportunity');
  const fields = Object.fromEntries(
    Object.entries(opportunityObject.fields).filter(([name]) => !hidden.includes(name)),
  );
  const hiddenColumns = new Set(
    hidden.map((name) => opportunityObject.fields[name]?.column).filter(Boolean),
  );
  const search = opportunityObject.searchColumns.filter((c) => !hiddenColumns.has(c));
  return { fields, search, amountHidden: hidden.includes('amount') };
}

/** Live opportunities of the pipeline that the actor's scope, filter and search select. */
async function boardWhere(ctx: Ctx, query: BoardQuery, pipelineId: string): Promise<SQL> {
  const { fields, search } = visibleFields(ctx);
  return and(
    eq(t.workspaceId, ctx.actor.workspaceId),
    isNull(t.deletedAt),
    eq(t.pipelineId, pipelineId),
    await scopeCondition(ctx, 'opportunity', t.ownerId),
    parseFilter(fields, query.filter),
    searchCondition(search, query.q),
  ) as SQL;
}

/** The board's order; by close date unless the role hides it (sorting would reveal it). */
function boardSort(ctx: Ctx, requested: BoardSort): BoardSort {
  const hidden = restrictedFields(ctx, 'opportunity').hidden.includes('expectedCloseDate');
  return requested === 'expectedCloseDate' && hidden ? '-updatedAt' : requested;
}

async function columnCards(
  ctx: Ctx,
  where: SQL,
  stageId: string,
  query: BoardQuery & { cursor?: string },
): Promise<{ data: Opportunity[]; nextCursor: string | null }> {
  const order = boardSort(ctx, query.sort);
  const sort = parseSort(visibleFields(ctx).fields, order, order);
  const rows = (await ctx.db
    .select()
    .from(t)
    .where(and(where, eq(t.stageId, stageId), cursorCondition(sort, t.id, query.cursor)))
    .orderBy(...orderBy(sort, t.id))
    .limit(query.limit + 1)) as OpportunityRow[];
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  const nextCursor =
    rows.length > query.limit && last ? encodeCursor(sort, toOpportunity(last), last.id) : null;
  const data = (await presentOpportunities(ctx, page)).map((o) =>
    maskHiddenFields(ctx, opportunityObject, o),
  );
  return { data, nextCursor };
}

async function pipelineFor(ctx: Ctx, pipelineId: string | undefined): Promise<Pipeline> {
  const pipeline = pipelineId
    ? await loadPipeline(ctx.db, ctx.actor.workspaceId, pipelineId)
    : (await loadPipelines(ctx.db, ctx.actor.workspaceId))[0];
  if (!pipeline) throw notFound('Pipeline');
  return pipeline;
}

/** The pipeline's stages as columns: count, totals per currency, first cards, cursor. */
export async function getBoard(ctx: Ctx, query: BoardQuery): Promise<Board> {
  requirePermission(ctx, 'opportunity', 'read');
  const pipeline = await pipelineFor(ctx, query.pipelineId);
  const where = await boardWhere(ctx, query, pipeline.id);
  // The whole pipeline in the actor's scope reads the kept totals; a filter or a search has to
  // aggregate the deals it selects.
  const totals =
    query.filter || query.q?.trim()
      ? await aggregateBoardTotals(ctx, where)
      : await readBoardTotals(ctx, pipeline.id);
  const { amountHidden } = visibleFields(ctx);
  const columns = await Promise.all(
    pipeline.stages.map(async (stage) => {
      const mine = totals.filter((r) => r.stageId === stage.id);
      const count = mine.reduce((n, r) => n + r.n, 0);
      const money: MoneyTotal[] = amountHidden
        ? []
        : mine
            .filter((r) => r.amount !== null)
            .map((r) => ({
              currency: r.currency,
              amount: r.amount as string,
              weighted: r.weighted ?? '0.00',
            }))
            .sort((a, b) => a.currency.localeCompare(b.currency));
      const cards =
        count === 0
          ? { data: [], nextCursor: null }
          : await columnCards(ctx, where, stage.id, query);
      return {
        stageId: stage.id,
        count,
        totals: money,
        cards: cards.data,
        nextCursor: cards.nextCursor,
      };
    }),
  );
  return { pipeline, sort: boardSort(ctx, query.sort), columns };
}

/** More cards of one column, after the board's (or the previous page's) cursor. */
export async function getBoardColumn(
  ctx: Ctx,
  stageId: string,
  query: BoardColumnQuery,
): Promise<{ data: Opportunity[]; nextCursor: string | null }> {
  requirePermission(ctx, 'opportunity', 'read');
  const stage = await loadStage(ctx.db, ctx.actor.workspaceId, stageId);
  if (!stage || (query.pipelineId && query.pipelineId !== stage.pipelineId)) {
    throw notFound('Stage');
  }
  const where = await boardWhere(ctx, query, stage.pipelineId);
  return columnCards(ctx, where, stageId, query);
}
