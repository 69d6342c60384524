import {
  type CreateOpportunityInput,
  STAGE_REQUIRED_FIELDS,
  type StageRequiredField,
  type UpdateOpportunityInput,
} from '@guanxi/contract';
import { eq } from 'drizzle-orm';
import { newId } from '../../db/ids.js';
import type { Ctx } from '../../platform/context.js';
import { AppError, invalid } from '../../platform/errors.js';
import type { WriteAction } from '../../platform/record-writes.js';
import { assertAccountLinkable, noteAccountWon } from '../accounts/index.js';
import { getContact } from '../contacts/index.js';
import { identityTables } from '../identity/index.js';
import { noteBoardTotals } from './board-totals.js';
import type { OpportunityRow } from './opportunities.service.js';
import { opportunityStageHistory } from './opportunities.tables.js';
import { syncPrimaryContact } from './primary-contact.js';
import { firstOpenStage, loadPipeline, loadPipelines, loadStage, type Stage } from './stages.js';

// The rules of an opportunity's write, run by the shared data layer inside its transaction:
// validate (links, target stage, the stage's required fields), derive (what the stage sets)
// and afterWrite (board totals, stage history, the account's last win, the primary contact's
// role).

type Input = Partial<CreateOpportunityInput & UpdateOpportunityInput>;

/** What `validate` worked out for this write, for `derive` and `afterWrite` of the same write. */
const resolved = new WeakMap<Ctx, { stage: Stage; input: Input }>();

const linkNotFound = (path: string, what: string) =>
  new AppError('not_found', `The linked ${what} was not found.`, {
    errors: [{ path, message: `no such ${what}`, code: 'not_found' }],
  });

async function assertAccount(ctx: Ctx, accountId: string) {
  try {
    await assertAccountLinkable(ctx, accountId);
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found')
      throw linkNotFound('accountId', 'account');
    throw error;
  }
}

/** The primary contact must be a live contact the actor sees, at the opportunity's account. */
async function assertContactOfAccount(ctx: Ctx, contactId: string, accountId: string) {
  let contact: Awaited<ReturnType<typeof getContact>>;
  try {
    contact = await getContact(ctx, contactId);
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found')
      throw linkNotFound('contactId', 'contact');
    throw error;
  }
  if (contact.accountId !== accountId) {
    throw invalid('contactId', "must be a contact of the opportunity's account");
  }
}

/** The stage the opportunity will be in after the write (defaults at create). */
async function targetStage(ctx: Ctx, input: Input, current?: OpportunityRow): Promise<Stage> {
  const ws = ctx.actor.workspaceId;
  if (input.stageId !== undefined) {
    const stage = await loadStage(ctx.db, ws, input.stageId);
    if (!stage) throw invalid('stageId', 'no such stage', 'not_found');
    const pipelineId = input.pipelineId ?? current?.pipelineId ?? stage.pipelineId;
    if (stage.pipelineId !== pipelineId) {
      throw invalid(
        'stageId',
        'belongs to another pipeline; send that pipeline as pipelineId to move the opportunity there',
      );
    }
    return stage;
  }
  if (current && (input.pipelineId === undefined || input.pipelineId === current.pipelineId)) {
    return (await loadStage(ctx.db, ws, current.stageId)) as Stage;
  }
  let pipeline: Awaited<ReturnType<typeof loadPipeline>>;
  if (input.pipelineId !== undefined) {
    pipeline = await loadPipeline(ctx.db, ws, input.pipelineId);
    if (!pipeline) throw invalid('pipelineId', 'no such pipeline', 'not_found');
  } else {
    [pipeline] = await loadPipelines(ctx.db, ws);
    if (!pipeline) {
      throw invalid(
        'pipelineId',
        'this workspace has no pipeline yet; an administrator adds one under Settings → Pipelines',
        'required',
      );
    }
  }
  const stage = firstOpenStage(pipeline);
  if (!stage) throw invalid('pipelineId', 'this pipeline has no open stage', 'invalid');
  return { ...stage, pipelineId: pipeline.id };
}

const isEmpty = (value: unknown) =>
  value === null ||
  value === undefined ||
  value === '' ||
  (Array.isArray(value) && value.length === 0);

/** The fields a stage needs filled: its own list, and a loss reason for any lost stage. */
export const requiredFieldsOf = (stage: Stage): StageRequiredField[] => [
  ...new Set<StageRequiredField>([
    ...stage.requiredFields,
    ...(stage.kind === 'lost' ? (['lossReason'] as const) : []),
  ]),
];

/**
 * Entering a stage needs its required fields filled on the record as it will be; while in it,
 * a write may not empty one of them either. One `required` error per missing field.
 */
function assertStageFields(stage: Stage, input: Input, current?: OpportunityRow) {
  const entering = !current || current.stageId !== stage.id;
  const required = requiredFieldsOf(stage);
  const checked = entering ? required : required.filter((f) => input[f] !== undefined);
  const next = (field: StageRequiredField) =>
    input[field] !== undefined ? input[field] : current?.[field];
  const missing = STAGE_REQUIRED_FIELDS.filter((f) => checked.includes(f) && isEmpty(next(f)));
  if (missing.length === 0) return;
  throw new AppError(
    'validation_failed',
    `To be in the stage "${stage.name}", fill in: ${missing.join(', ')}.`,
    {
      errors: missing.map((path) => ({
        path,
        message: `is required in the stage "${stage.name}"`,
        code: 'required' as const,
        params: { stage: stage.name, stageId: stage.id },
      })),
    },
  );
}

export async function validateOpportunity(
  ctx: Ctx,
  data: Input,
  current?: OpportunityRow,
): Promise<void> {
  const accountId = data.accountId ?? current?.accountId;
  if (data.accountId !== undefined && data.accountId !== current?.accountId) {
    await assertAccount(ctx, data.accountId);
  }
  const contactId = data.contactId !== undefined ? data.contactId : (current?.contactId ?? null);
  const linksChanged = data.contactId !== undefined || data.accountId !== undefined;
  if (contactId && accountId && linksChanged) {
    await assertContactOfAccount(ctx, contactId, accountId);
  }
  const stage = await targetStage(ctx, data, current);
  if (data.forecastCategory === 'closed' && stage.kind === 'open') {
    throw invalid('forecastCategory', 'closed is set automatically when a deal is won or lost');
  }
  assertStageFields(stage, data, current);
  resolved.set(ctx, { stage, input: data });
}

async function workspaceCurrency(ctx: Ctx): Promise<string> {
  const { workspaces } = identityTables;
  const [row] = await ctx.db
    .select({ currency: workspaces.currency })
    .from(workspaces)
    .where(eq(workspaces.id, ctx.actor.workspaceId));
  return row?.currency ?? 'CNY';
}

/** What the stage sets: probability, forecast category, close time, time entered. */
export async function deriveOpportunity(
  _next: Record<string, unknown>,
  ctx: Ctx,
  current?: OpportunityRow,
): Promise<Record<string, unknown>> {
  const state = resolved.get(ctx);
  if (!state) return {};
  const { stage, input } = state;
  const out: Record<string, unknown> = {};
  if (!current) out.currency = input.currency ?? (await workspaceCurrency(ctx));
  const closed = stage.kind !== 'open';
  if (!current || current.stageId !== stage.id) {
    const now = ctx.now();
    out.pipelineId = stage.pipelineId;
    out.stageId = stage.id;
    out.stageEnteredAt = now;
    out.probability = input.probability ?? stage.probability;
    out.closedAt = closed ? now : null;
    if (closed) out.forecastCategory = 'closed';
    else if (
      input.forecastCategory === undefined &&
      (!current || current.forecastCategory === 'closed')
    ) {
      out.forecastCategory = 'pipeline';
    }
  } else if (closed && input.forecastCategory !== undefined) {
    out.forecastCategory = 'closed';
  }
  return out;
}

export async function afterOpportunityWrite(
  ctx: Ctx,
  change: { action: WriteAction; before: OpportunityRow | null; after: OpportunityRow },
): Promise<void> {
  const { before, after } = change;
  const state = resolved.get(ctx);
  await noteBoardTotals(ctx, before, after);
  if (change.action !== 'create' && change.action !== 'update') return;
  if (!before || before.stageId !== after.stageId) {
    await ctx.db.insert(opportunityStageHistory).values({
      workspaceId: ctx.actor.workspaceId,
      id: newId(),
      opportunityId: after.id,
      fromStageId: before?.stageId ?? null,
      toStageId: after.stageId,
      at: after.stageEnteredAt,
      actorId: ctx.actor.via === 'system' ? null : ctx.actor.userId,
      durationSeconds: before
        ? Math.max(
            0,
            Math.floor((after.stageEnteredAt.getTime() - before.stageEnteredAt.getTime()) / 1000),
          )
        : null,
    });
    if (state?.stage.kind === 'won' && after.closedAt) {
      await noteAccountWon(ctx, after.accountId, after.closedAt);
    }
  }
  if ((before?.contactId ?? null) !== after.contactId) {
    await syncPrimaryContact(ctx, after.id, after.contactId);
  }
}
