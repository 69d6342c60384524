import type { AuditLogQuery } from '@guanxi/contract';
import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { newId } from '../db/ids.js';
import { getUserNames } from '../modules/identity/index.js';
import type { Ctx } from './context.js';
import { invalid } from './errors.js';
import { requireWorkspaceAdmin } from './permissions.js';
import { auditEntries, type FieldChange, outboxEvents } from './platform.tables.js';
import { forgetRecordNames } from './record-names.js';

export type AuditAction = 'create' | 'update' | 'delete' | 'restore' | 'merge';

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
    /** Event type when the change has a name of its own (`account.claimed`); else from action. */
    eventType?: string;
  },
): Promise<void> {
  const { actor } = ctx;
  forgetRecordNames(ctx, change.objectType);
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
  const verb = {
    create: 'created',
    update: 'updated',
    delete: 'deleted',
    restore: 'restored',
    merge: 'merged',
  };
  await tx.insert(outboxEvents).values({
    workspaceId: actor.workspaceId,
    id: newId(),
    type: change.eventType ?? `${change.objectType}.${verb[change.action]}`,
    objectType: change.objectType,
    recordId: change.recordId,
    payload: {
      record: change.payload,
      changes: change.changes,
      actorId: actor.via === 'system' ? null : actor.userId,
    },
    createdAt: change.at,
  });
}

const entryColumns = {
  id: auditEntries.id,
  objectType: auditEntries.objectType,
  recordId: auditEntries.recordId,
  action: auditEntries.action,
  actorId: auditEntries.actorId,
  via: auditEntries.via,
  changes: auditEntries.changes,
  at: auditEntries.at,
};
type EntryRow = Pick<typeof auditEntries.$inferSelect, keyof typeof entryColumns>;

/** Entries with the actors' display names. */
async function present(ctx: Ctx, rows: EntryRow[]) {
  const ids = [...new Set(rows.map((r) => r.actorId).filter((id): id is string => id !== null))];
  const names = await getUserNames(ctx.db, ids);
  return rows.map((r) => ({
    ...r,
    actorName: r.actorId ? (names.get(r.actorId) ?? null) : null,
    at: r.at.toISOString(),
  }));
}

export async function listHistory(ctx: Ctx, objectType: string, recordId: string) {
  const rows = await ctx.db
    .select(entryColumns)
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
  return present(ctx, rows);
}

const badCursor = () => invalid('cursor', 'is not a cursor from this audit log');

/** The workspace's audit log for administrators, newest first, keyset-paginated. */
export async function listAuditLog(ctx: Ctx, query: AuditLogQuery) {
  requireWorkspaceAdmin(ctx);
  let after: SQL | undefined;
  if (query.cursor) {
    let decoded: { at?: unknown; id?: unknown };
    try {
      decoded = JSON.parse(Buffer.from(query.cursor, 'base64url').toString('utf8'));
    } catch {
      throw badCursor();
    }
    const at = typeof decoded.at === 'string' ? new Date(decoded.at) : null;
    if (
      !at ||
      Number.isNaN(at.getTime()) ||
      typeof decoded.id !== 'string' ||
      !/^[0-9a-f-]{36}$/i.test(decoded.id)
    ) {
      throw badCursor();
    }
    after = sql`(${auditEntries.at}, ${auditEntries.id}) < (${at.toISOString()}::timestamptz, ${decoded.id}::uuid)`;
  }
  const rows = await ctx.db
    .select(entryColumns)
    .from(auditEntries)
    .where(
      and(
        eq(auditEntries.workspaceId, ctx.actor.workspaceId),
        query.objectType ? eq(auditEntries.objectType, query.objectType) : undefined,
        query.recordId ? eq(auditEntries.recordId, query.recordId) : undefined,
        query.actorId ? eq(auditEntries.actorId, query.actorId) : undefined,
        after,
      ),
    )
    .orderBy(desc(auditEntries.at), desc(auditEntries.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  const nextCursor =
    rows.length > query.limit && last
      ? Buffer.from(JSON.stringify({ at: last.at.toISOString(), id: last.id })).toString(
          'base64url',
        )
      : null;
  return { data: await present(ctx, page), nextCursor };
}

type AuditedChange<T> = {
  recordId: string;
  action: AuditAction;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  fields: readonly string[];
  result: T;
};

/**
 * Runs a write to a workspace setting (users, roles, departments, invitations, API keys) and
 * records its audit entry and event in the same transaction.
 */
export async function auditedWrite<T>(
  ctx: Ctx,
  objectType: string,
  write: (tx: Executor) => Promise<AuditedChange<T>>,
): Promise<T> {
  return ctx.db.transaction(async (tx) => {
    const change = await write(tx);
    await recordChange(ctx, tx, {
      objectType,
      recordId: change.recordId,
      action: change.action,
      changes: diffFields(change.fields, change.before, change.after),
      at: ctx.now(),
      payload: change.after ?? change.before,
    });
    return change.result;
  });
}
