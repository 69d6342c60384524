import type { MergeInput } from '@guanxi/contract';
import { sql } from 'drizzle-orm';
import { recordChange } from './audit.js';
import type { Ctx } from './context.js';
import { AppError, invalid, notFound } from './errors.js';
import { requirePermission } from './permissions.js';
import type { RecordService } from './record-service.js';
import { onTransaction } from './record-writes.js';
import { findVisible, type ObjectDef, type StoredRecord, tenantRow } from './records.js';
import { relinkAll } from './relinks.js';

export type MergeResult<Api> = { survivor: Api; moved: Record<string, number> };

/**
 * Merges one record into another of the same object, in one transaction: the survivor takes
 * the chosen values (one audited update, through the object's own rules), every linked record
 * moves to it (the registered relinkers), and the merged record goes to the trash with
 * `mergedIntoId`. Both records must be live, visible and updatable by the caller; the merged one
 * must be deletable too. Both get a `merge` history entry with the moved counts.
 */
export async function mergeRecords<
  Row extends StoredRecord,
  Api extends Record<string, unknown>,
  C,
  U,
>(
  ctx: Ctx,
  def: ObjectDef<Row, Api>,
  service: RecordService<Api, C, U>,
  input: MergeInput,
  opts: { assertMergeable?: (survivor: Row, merged: Row) => void } = {},
): Promise<MergeResult<Api>> {
  requirePermission(ctx, def.object, 'update');
  requirePermission(ctx, def.object, 'delete');
  const { survivorId, mergedId, values } = input;
  if (survivorId === mergedId) throw invalid('mergedId', 'must be another record than survivorId');
  const mergeable = def.auditFields.filter((f) => f !== 'custom');
  const unknown = Object.keys(values).filter((f) => !mergeable.includes(f));
  if (unknown.length > 0) {
    throw new AppError('validation_failed', `Fields that cannot be merged: ${unknown.join(', ')}`, {
      errors: unknown.map((f) => ({
        path: `values.${f}`,
        message: `is not a field of the ${def.label.toLowerCase()} that can be merged`,
        code: 'unknown_field' as const,
      })),
    });
  }
  return ctx.db.transaction(async (tx) => {
    // The survivor may now equal the merged record in every key: that is the point of merging.
    const txCtx = { ...onTransaction(ctx, tx), allowDuplicates: true };
    const lock = (id: string) =>
      findVisible(txCtx, tx, def, id, { deleted: false, forUpdate: true });
    // Always lock in id order, so two merges of the same pair cannot deadlock.
    const [first, second] = [survivorId, mergedId].sort();
    const locked = new Map([
      [first, await lock(first)],
      [second, await lock(second)],
    ]);
    const survivor = locked.get(survivorId);
    const merged = locked.get(mergedId);
    if (!survivor || !merged) throw notFound(def.label);
    opts.assertMergeable?.(survivor, merged);

    const from = def.toApi(merged);
    const patch = Object.fromEntries(
      Object.entries(values)
        .filter(([, choice]) => choice === 'merged')
        .map(([field]) => [field, from[field]]),
    );
    if (Object.keys(patch).length > 0) {
      await service.update(txCtx, { id: survivorId, data: patch as U });
    }
    const moved = await relinkAll(txCtx, def.object, { from: mergedId, to: survivorId });

    const now = ctx.now();
    const [trashed] = (await tx
      .update(def.table)
      .set({
        deletedAt: now,
        deletedBy: ctx.actor.userId,
        mergedIntoId: survivorId,
        version: sql`${def.table.version} + 1`,
        updatedAt: now,
        updatedBy: ctx.actor.userId,
      } as never)
      .where(tenantRow(ctx, def.table, mergedId))
      .returning()) as unknown as Row[];
    const movedChanges = Object.entries(moved).map(([kind, n]) => ({
      field: `moved.${kind}`,
      old: null,
      new: n,
    }));
    await recordChange(txCtx, tx, {
      objectType: def.object,
      recordId: mergedId,
      action: 'merge',
      changes: [
        { field: 'mergedIntoId', old: null, new: survivorId },
        { field: 'deletedAt', old: null, new: now.toISOString() },
        ...movedChanges,
      ],
      at: now,
      payload: def.toApi(trashed),
    });
    const result = await service.get(txCtx, survivorId);
    await recordChange(txCtx, tx, {
      objectType: def.object,
      recordId: survivorId,
      action: 'merge',
      changes: [{ field: 'mergedFromId', old: null, new: mergedId }, ...movedChanges],
      at: now,
      payload: result,
      eventType: `${def.object}.absorbed`,
    });
    return { survivor: result, moved };
  });
}
