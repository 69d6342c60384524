import type { StageChange } from '@guanxi/contract';
import { and, desc, eq } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.js';
import { getRecord } from '../../platform/records.js';
import { getUserNames } from '../identity/index.js';
import { opportunityObject } from './opportunities.service.js';
import { opportunityStageHistory } from './opportunities.tables.js';
import { loadStages } from './stages.js';

/** Every stage an opportunity went through, newest first, with the time spent in each. */
export async function getStageHistory(ctx: Ctx, opportunityId: string): Promise<StageChange[]> {
  await getRecord(ctx, opportunityObject, opportunityId, { includeDeleted: true });
  const h = opportunityStageHistory;
  const rows = await ctx.db
    .select()
    .from(h)
    .where(and(eq(h.workspaceId, ctx.actor.workspaceId), eq(h.opportunityId, opportunityId)))
    .orderBy(desc(h.at), desc(h.id))
    .limit(500);
  const stageIds = rows.flatMap((r) => [r.toStageId, ...(r.fromStageId ? [r.fromStageId] : [])]);
  const stages = await loadStages(ctx.db, ctx.actor.workspaceId, [...new Set(stageIds)]);
  const actorIds = [...new Set(rows.map((r) => r.actorId).filter((id): id is string => !!id))];
  const names = await getUserNames(ctx.db, actorIds);
  return rows.map((r) => ({
    id: r.id,
    fromStageId: r.fromStageId,
    fromStageName: r.fromStageId ? (stages.get(r.fromStageId)?.name ?? null) : null,
    toStageId: r.toStageId,
    toStageName: stages.get(r.toStageId)?.name ?? null,
    at: r.at.toISOString(),
    actorId: r.actorId,
    actorName: r.actorId ? (names.get(r.actorId) ?? null) : null,
    durationSeconds: r.durationSeconds,
  }));
}
