import type {
  CreatePipelineInput,
  CreateStageInput,
  Pipeline,
  PipelineStage,
  ReorderStagesInput,
  UpdatePipelineInput,
  UpdateStageInput,
} from '@guanxi/contract';
import { and, count, eq, max, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { isUniqueViolation } from '../../db/client.js';
import { newId } from '../../db/ids.js';
import { auditedWrite } from '../../platform/audit.js';
import type { Ctx } from '../../platform/context.js';
import { AppError, invalid, notFound } from '../../platform/errors.js';
import { requirePermission, requireWorkspaceAdmin } from '../../platform/permissions.js';
import { opportunities, pipelineStages, pipelines } from './opportunities.tables.js';
import { loadPipeline, loadPipelines } from './stages.js';

// Pipelines and their stages (Settings → Pipelines): everyone who reads opportunities sees them,
// administrators change them; each change is audited as an update of the pipeline.

const PIPELINE_FIELDS = ['name', 'position', 'stages'] as const;

export async function listPipelines(ctx: Ctx): Promise<Pipeline[]> {
  requirePermission(ctx, 'opportunity', 'read');
  return loadPipelines(ctx.db, ctx.actor.workspaceId);
}

export async function getPipeline(ctx: Ctx, id: string): Promise<Pipeline> {
  requirePermission(ctx, 'opportunity', 'read');
  const pipeline = await loadPipeline(ctx.db, ctx.actor.workspaceId, id);
  if (!pipeline) throw notFound('Pipeline');
  return pipeline;
}

type StageDraft = Pick<PipelineStage, 'name' | 'kind'>;

/** Exactly one won stage, at least one lost and one open stage, names unique. */
function assertStageSet(stages: StageDraft[], path: string) {
  const refuse = (message: string) => {
    throw new AppError('validation_failed', message, {
      errors: [{ path, message, code: 'invalid' }],
    });
  };
  const kinds = stages.map((s) => s.kind);
  const won = kinds.filter((k) => k === 'won').length;
  if (won !== 1) refuse(`A pipeline needs exactly one won stage (it would have ${won}).`);
  if (!kinds.includes('lost')) refuse('A pipeline needs at least one lost stage.');
  if (!kinds.includes('open')) refuse('A pipeline needs at least one open stage.');
  const names = stages.map((s) => s.name.toLowerCase());
  const dup = names.find((n, i) => names.indexOf(n) !== i);
  if (dup) refuse(`Two stages are named "${dup}"; stage names must differ.`);
}

const nameTaken = () => invalid('name', 'another pipeline already has this name', 'taken');

async function assertNameFree(tx: Executor, ctx: Ctx, name: string, exceptId?: string) {
  const rows = await tx
    .select({ id: pipelines.id })
    .from(pipelines)
    .where(
      and(
        eq(pipelines.workspaceId, ctx.actor.workspaceId),
        sql`lower(${pipelines.name}) = lower(${name})`,
      ),
    );
  if (rows.some((r) => r.id !== exceptId)) throw nameTaken();
}

/** Runs a write; a unique name broken by a concurrent write answers like the pre-check. */
async function withNameCheck<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error, 'pipelines_name_key')) throw nameTaken();
    if (isUniqueViolation(error, 'pipeline_stages_name_key')) {
      throw invalid('name', 'another stage of this pipeline already has this name', 'taken');
    }
    throw error;
  }
}

/** Inserts a pipeline with its stages in order (new workspaces and the settings alike). */
export async function insertPipeline(
  tx: Executor,
  workspaceId: string,
  input: CreatePipelineInput & { position: number },
  now: Date,
): Promise<string> {
  const id = newId();
  await tx.insert(pipelines).values({
    workspaceId,
    id,
    name: input.name,
    position: input.position,
    createdAt: now,
    updatedAt: now,
  });
  await tx.insert(pipelineStages).values(
    input.stages.map((stage, position) => ({
      workspaceId,
      id: newId(),
      pipelineId: id,
      name: stage.name,
      probability: stage.probability,
      kind: stage.kind,
      requiredFields: stage.requiredFields ?? [],
      position,
      createdAt: now,
    })),
  );
  return id;
}

export async function createPipeline(ctx: Ctx, input: CreatePipelineInput): Promise<Pipeline> {
  requireWorkspaceAdmin(ctx);
  assertStageSet(input.stages, 'stages');
  const ws = ctx.actor.workspaceId;
  return withNameCheck(() =>
    auditedWrite(ctx, 'pipeline', async (tx) => {
      await assertNameFree(tx, ctx, input.name);
      const [last] = await tx
        .select({ position: max(pipelines.position) })
        .from(pipelines)
        .where(eq(pipelines.workspaceId, ws));
      const position = (last?.position ?? -1) + 1;
      const id = await insertPipeline(tx, ws, { ...input, position }, ctx.now());
      const pipeline = (await loadPipeline(tx, ws, id)) as Pipeline;
      return {
        recordId: id,
        action: 'create',
        before: null,
        after: pipeline,
        fields: PIPELINE_FIELDS,
        result: pipeline,
      };
    }),
  );
}

/**
 * Runs a settings change on one pipeline under a lock: `change` works on the locked current
 * state, then the pipeline is read again, audited against the state before and returned.
 */
function changePipeline(
  ctx: Ctx,
  id: string,
  change: (tx: Executor, current: Pipeline) => Promise<void>,
  action: 'update' | 'delete' = 'update',
): Promise<Pipeline> {
  requireWorkspaceAdmin(ctx);
  const ws = ctx.actor.workspaceId;
  return withNameCheck(() =>
    auditedWrite(ctx, 'pipeline', async (tx) => {
      const current = await loadPipeline(tx, ws, id, { forUpdate: true });
      if (!current) throw notFound('Pipeline');
      await change(tx, current);
      const after = action === 'delete' ? null : ((await loadPipeline(tx, ws, id)) ?? null);
      if (after) {
        await tx
          .update(pipelines)
          .set({ updatedAt: ctx.now() })
          .where(and(eq(pipelines.workspaceId, ws), eq(pipelines.id, id)));
      }
      return {
        recordId: id,
        action,
        before: current,
        after,
        fields: PIPELINE_FIELDS,
        result: after ?? current,
      };
    }),
  );
}

/** Gives rows positions 0…n-1 in the order of `ids`. */
async function renumber(
  tx: Executor,
  table: typeof pipelines | typeof pipelineStages,
  ws: string,
  ids: string[],
) {
  for (const [position, rowId] of ids.entries()) {
    await tx
      .update(table)
      .set({ position })
      .where(and(eq(table.workspaceId, ws), eq(table.id, rowId)));
  }
}

export function updatePipeline(
  ctx: Ctx,
  { id, data }: { id: string; data: UpdatePipelineInput },
): Promise<Pipeline> {
  const ws = ctx.actor.workspaceId;
  return changePipeline(ctx, id, async (tx) => {
    if (data.name !== undefined) {
      await assertNameFree(tx, ctx, data.name, id);
      await tx
        .update(pipelines)
        .set({ name: data.name })
        .where(and(eq(pipelines.workspaceId, ws), eq(pipelines.id, id)));
    }
    if (data.position !== undefined) {
      const order = (await loadPipelines(tx, ws)).map((p) => p.id).filter((p) => p !== id);
      order.splice(Math.min(data.position, order.length), 0, id);
      await renumber(tx, pipelines, ws, order);
    }
  });
}

/** Opportunities of a pipeline, or of one of its stages, the trash included. */
async function opportunitiesIn(
  tx: Executor,
  ws: string,
  where: { pipelineId: string; stageId?: string },
) {
  const [row] = await tx
    .select({ n: count() })
    .from(opportunities)
    .where(
      and(
        eq(opportunities.workspaceId, ws),
        eq(opportunities.pipelineId, where.pipelineId),
        where.stageId ? eq(opportunities.stageId, where.stageId) : undefined,
      ),
    );
  return row.n;
}

const stillHolds = (what: string, n: number) =>
  new AppError(
    'conflict',
    `${what} still holds ${n} ${n === 1 ? 'opportunity' : 'opportunities'} (the trash included). Move them to another stage first.`,
  );

export async function deletePipeline(ctx: Ctx, id: string): Promise<void> {
  const ws = ctx.actor.workspaceId;
  await changePipeline(
    ctx,
    id,
    async (tx, current) => {
      const n = await opportunitiesIn(tx, ws, { pipelineId: id });
      if (n > 0) throw stillHolds(`Pipeline "${current.name}"`, n);
      const all = await loadPipelines(tx, ws);
      if (all.length <= 1) {
        throw new AppError(
          'conflict',
          'A workspace needs at least one pipeline; this is the last one.',
        );
      }
      await tx.delete(pipelines).where(and(eq(pipelines.workspaceId, ws), eq(pipelines.id, id)));
      await renumber(
        tx,
        pipelines,
        ws,
        all.map((p) => p.id).filter((p) => p !== id),
      );
    },
    'delete',
  );
}

const stageOf = (pipeline: Pipeline, stageId: string) => {
  const stage = pipeline.stages.find((s) => s.id === stageId);
  if (!stage) throw notFound('Stage');
  return stage;
};

export function addStage(
  ctx: Ctx,
  { id, data }: { id: string; data: CreateStageInput },
): Promise<Pipeline> {
  const ws = ctx.actor.workspaceId;
  return changePipeline(ctx, id, async (tx, current) => {
    assertStageSet([...current.stages, data], 'kind');
    const stageId = newId();
    await tx.insert(pipelineStages).values({
      workspaceId: ws,
      id: stageId,
      pipelineId: id,
      name: data.name,
      probability: data.probability,
      kind: data.kind,
      requiredFields: data.requiredFields ?? [],
      position: current.stages.length,
      createdAt: ctx.now(),
    });
    const order = current.stages.map((s) => s.id);
    order.splice(Math.min(data.position ?? order.length, order.length), 0, stageId);
    await renumber(tx, pipelineStages, ws, order);
  });
}

export function updateStage(
  ctx: Ctx,
  { id, stageId, data }: { id: string; stageId: string; data: UpdateStageInput },
): Promise<Pipeline> {
  const ws = ctx.actor.workspaceId;
  return changePipeline(ctx, id, async (tx, current) => {
    const stage = stageOf(current, stageId);
    if (data.kind !== undefined && data.kind !== stage.kind) {
      // Its opportunities would be closed or reopened without their close date and history.
      const n = await opportunitiesIn(tx, ws, { pipelineId: id, stageId });
      if (n > 0) {
        throw new AppError(
          'conflict',
          `Stage "${stage.name}" still holds ${n} ${n === 1 ? 'opportunity' : 'opportunities'}: move them to another stage before changing its kind.`,
        );
      }
    }
    assertStageSet(
      current.stages.map((s) => (s.id === stageId ? { ...s, ...data } : s)),
      data.kind !== undefined ? 'kind' : 'name',
    );
    await tx
      .update(pipelineStages)
      .set(data)
      .where(and(eq(pipelineStages.workspaceId, ws), eq(pipelineStages.id, stageId)));
  });
}

export function deleteStage(
  ctx: Ctx,
  { id, stageId }: { id: string; stageId: string },
): Promise<Pipeline> {
  const ws = ctx.actor.workspaceId;
  return changePipeline(ctx, id, async (tx, current) => {
    const stage = stageOf(current, stageId);
    const n = await opportunitiesIn(tx, ws, { pipelineId: id, stageId });
    if (n > 0) throw stillHolds(`Stage "${stage.name}"`, n);
    const rest = current.stages.filter((s) => s.id !== stageId);
    try {
      assertStageSet(rest, 'stageId');
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      throw new AppError('conflict', `Stage "${stage.name}" cannot be deleted: ${error.message}`);
    }
    await tx
      .delete(pipelineStages)
      .where(and(eq(pipelineStages.workspaceId, ws), eq(pipelineStages.id, stageId)));
    await renumber(
      tx,
      pipelineStages,
      ws,
      rest.map((s) => s.id),
    );
  });
}

export function reorderStages(
  ctx: Ctx,
  { id, data }: { id: string; data: ReorderStagesInput },
): Promise<Pipeline> {
  const ws = ctx.actor.workspaceId;
  return changePipeline(ctx, id, async (tx, current) => {
    const known = new Set(current.stages.map((s) => s.id));
    const given = new Set(data.stageIds);
    if (
      given.size !== data.stageIds.length ||
      given.size !== known.size ||
      data.stageIds.some((s) => !known.has(s))
    ) {
      throw invalid('stageIds', "must list each of the pipeline's stages exactly once");
    }
    await renumber(tx, pipelineStages, ws, data.stageIds);
  });
}
