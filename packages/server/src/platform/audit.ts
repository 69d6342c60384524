import { and, desc, eq } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { newId } from '../db/ids.js';
import { getUserNames } from '../modules/identity/index.js';
import type { Ctx } from './context.js';
import { auditEntries, type FieldChange, outboxEvents } from './platform.tables.js';

export type AuditAction = 'create' | 'update' | 'delete' | 'restore';

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Field-by-field difference of two API representations, over the audited fields. */
export function diffFields(
  fields: readonly string[],
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of fields) {
    if (field === 'custom') {
      const b = (before?.custom ?? {}) as Record<string, unknown>;
      const a = (after?.custom ?? {}) as Record<string, unknown>;
      for (const key of new Set([...Object.keys(b), ...Object.keys(a)])) {
        if (!same(b[key], a[key])) {
          changes.push({ field: `custom.${key}`, old: b[key] ?? null, new: a[key] ?? null });
        }
      }
      continue;
    }
    const old = before?.[field] ?? null;
    const value = after?.[field] ?? null;
    if (!same(old, value)) changes.push({ field, old, new: value });
  }
  return changes;
}

/**
 * Writes the audit entry and the outbox event of one change, in the caller's transaction,
 * so a change is never stored without its trail.
 */
export async function recordChange(
  ctx: Ctx,
  tx: Executor,
  change: {
    objectType: string;
    recordId: string;
    action: AuditAction;
    changes: FieldChange[];
    at: Date;
    payload: unknown;
  },
): Promise<void> {
  const { actor } = ctx;
  await tx.insert(auditEntries).values({
    workspaceId: actor.workspaceId,
    id: newId(),
    objectType: change.objectType,
    recordId: change.recordId,
    action: change.action,
    actorId: actor.via === 'system' ? null : actor.userId,
    via: actor.via,
    apiKeyId: actor.apiKeyId,
    requestId: ctx.requestId,
    changes: change.changes,
    at: change.at,
  });
  const verb = { create: 'created', update: 'updated', delete: 'deleted', restore: 'restored' };
  await tx.insert(outboxEvents).values({
    workspaceId: actor.workspaceId,
    id: newId(),
    type: `${change.objectType}.${verb[change.action]}`,
    objectType: change.objectType,
    recordId: change.recordId,
    payload: { record: change.payload, changes: change.changes, actorId: actor.userId },
    createdAt: change.at,
  });
}

export async function listHistory(ctx: Ctx, objectType: string, recordId: string) {
  const rows = await ctx.db
    .select({
      id: auditEntries.id,
      objectType: auditEntries.objectType,
      recordId: auditEntries.recordId,
      action: auditEntries.action,
      actorId: auditEntries.actorId,
      via: auditEntries.via,
      changes: auditEntries.changes,
      at: auditEntries.at,
    })
    .from(auditEntries)
    .where(
      and(
        eq(auditEntries.workspaceId, ctx.actor.workspaceId),
        eq(auditEntries.objectType, objectType),
        eq(auditEntries.recordId, recordId),
      ),
    )
    .orderBy(desc(auditEntries.at), desc(auditEntries.id))
    .limit(500);
  const names = await getUserNames(ctx.db, [
    ...new Set(rows.map((r) => r.actorId).filter((id): id is string => id !== null)),
  ]);
  return rows.map((r) => ({
    ...r,
    actorName: r.actorId ? (names.get(r.actorId) ?? null) : null,
    at: r.at.toISOString(),
  }));
}
