import type { Pipeline, PipelineStage, StageKind, StageRequiredField } from '@guanxi/contract';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { pipelineStages, pipelines } from './opportunities.tables.js';

// Reading pipelines and their stages: shared by the settings, the opportunity rules and the board.

type PipelineRow = typeof pipelines.$inferSelect;
type StageRow = typeof pipelineStages.$inferSelect;

export type Stage = PipelineStage & { pipelineId: string };

export const toStage = (row: StageRow): Stage => ({
  id: row.id,
  pipelineId: row.pipelineId,
  name: row.name,
  probability: row.probability,
  kind: row.kind as StageKind,
  requiredFields: row.requiredFields as StageRequiredField[],
  position: row.position,
});

export const toPipeline = (row: PipelineRow, stages: StageRow[]): Pipeline => ({
  id: row.id,
  name: row.name,
  position: row.position,
  stages: stages
    .filter((s) => s.pipelineId === row.id)
    .sort((a, b) => a.position - b.position)
    .map((s) => {
      const { pipelineId: _, ...stage } = toStage(s);
      return stage;
    }),
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

/** The workspace's pipelines with their stages, in order (the first one is the default). */
export async function loadPipelines(db: Executor, workspaceId: string): Promise<Pipeline[]> {
  const rows = await db
    .select()
    .from(pipelines)
    .where(eq(pipelines.workspaceId, workspaceId))
    .orderBy(asc(pipelines.position), asc(pipelines.createdAt));
  if (rows.length === 0) return [];
  const stages = await db
    .select()
    .from(pipelineStages)
    .where(
      and(
        eq(pipelineStages.workspaceId, workspaceId),
        inArray(
          pipelineStages.pipelineId,
          rows.map((r) => r.id),
        ),
      ),
    );
  return rows.map((row) => toPipeline(row, stages));
}

/** One pipeline with its stages; `forUpdate` locks the pipeline row for a settings change. */
export async function loadPipeline(
  db: Executor,
  workspaceId: string,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<Pipeline | undefined> {
  const query = db
    .select()
    .from(pipelines)
    .where(and(eq(pipelines.workspaceId, workspaceId), eq(pipelines.id, id)));
  const [row] = opts.forUpdate ? await query.for('update') : await query;
  if (!row) return undefined;
  const stages = await db
    .select()
    .from(pipelineStages)
    .where(and(eq(pipelineStages.workspaceId, workspaceId), eq(pipelineStages.pipelineId, id)));
  return toPipeline(row, stages);
}

export async function loadStage(
  db: Executor,
  workspaceId: string,
  id: string,
): Promise<Stage | undefined> {
  const [row] = await db
    .select()
    .from(pipelineStages)
    .where(and(eq(pipelineStages.workspaceId, workspaceId), eq(pipelineStages.id, id)));
  return row ? toStage(row) : undefined;
}

/** Stages by id (any pipeline of the workspace). */
export async function loadStages(
  db: Executor,
  workspaceId: string,
  ids: string[],
): Promise<Map<string, Stage>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select()
    .from(pipelineStages)
    .where(and(eq(pipelineStages.workspaceId, workspaceId), inArray(pipelineStages.id, ids)));
  return new Map(rows.map((r) => [r.id, toStage(r)]));
}

/** Where a new opportunity goes when nothing is said: the first open stage. */
export const firstOpenStage = (pipeline: Pipeline) =>
  pipeline.stages.find((s) => s.kind === 'open');
