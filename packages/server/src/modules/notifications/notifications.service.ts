import type { Notification, NotificationList, NotificationListQuery } from '@guanxi/contract';
import { and, count, desc, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { newId } from '../../db/ids.js';
import type { Ctx } from '../../platform/context.js';
import { invalid, notFound } from '../../platform/errors.js';
import { UUID_RE } from '../../platform/list-query.js';
import { notifications } from './notifications.tables.js';

type NotificationRow = typeof notifications.$inferSelect;

export type NewNotification = {
  workspaceId: string;
  userId: string;
  kind: string;
  params?: Record<string, unknown>;
  recordType?: string | null;
  recordId?: string | null;
  /** A second notification with the same key for the same user is dropped. */
  dedupeKey?: string | null;
  /** Defaults to the database's clock; jobs pass their run time. */
  at?: Date;
};

/**
 * Notifies one user, in the caller's transaction when given one. With a dedupe key it is
 * idempotent: a retried job or a repeated event notifies once.
 */
export async function notify(db: Executor, n: NewNotification): Promise<void> {
  await db
    .insert(notifications)
    .values({
      workspaceId: n.workspaceId,
      id: newId(),
      userId: n.userId,
      kind: n.kind,
      params: n.params ?? {},
      recordType: n.recordType ?? null,
      recordId: n.recordId ?? null,
      dedupeKey: n.dedupeKey ?? null,
      ...(n.at ? { createdAt: n.at } : {}),
    })
    .onConflictDoNothing({
      target: [notifications.workspaceId, notifications.userId, notifications.dedupeKey],
    });
}

const toNotification = (row: NotificationRow): Notification => ({
  id: row.id,
  kind: row.kind,
  params: row.params,
  recordType: row.recordType,
  recordId: row.recordId,
  readAt: row.readAt?.toISOString() ?? null,
  createdAt: row.createdAt.toISOString(),
});

const mine = (ctx: Ctx) =>
  and(
    eq(notifications.workspaceId, ctx.actor.workspaceId),
    eq(notifications.userId, ctx.actor.userId),
  );

function afterCursor(cursor: string | undefined): SQL | undefined {
  if (!cursor) return undefined;
  const bad = () => invalid('cursor', 'is not a cursor from this list');
  let decoded: { at?: unknown; id?: unknown };
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw bad();
  }
  const at = typeof decoded.at === 'string' ? new Date(decoded.at) : null;
  if (!at || Number.isNaN(at.getTime()) || typeof decoded.id !== 'string') throw bad();
  if (!UUID_RE.test(decoded.id)) throw bad();
  return sql`(${notifications.createdAt}, ${notifications.id}) < (${at.toISOString()}::timestamptz, ${decoded.id}::uuid)`;
}

/** The caller's notifications, newest first, with the count of all unread ones. */
export async function listMyNotifications(
  ctx: Ctx,
  query: NotificationListQuery,
): Promise<NotificationList> {
  const rows = await ctx.db
    .select()
    .from(notifications)
    .where(
      and(
        mine(ctx),
        query.unread === 'true' ? isNull(notifications.readAt) : undefined,
        afterCursor(query.cursor),
      ),
    )
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  const nextCursor =
    rows.length > query.limit && last
      ? Buffer.from(JSON.stringify({ at: last.createdAt.toISOString(), id: last.id })).toString(
          'base64url',
        )
      : null;
  const [{ unread }] = await ctx.db
    .select({ unread: count() })
    .from(notifications)
    .where(and(mine(ctx), isNull(notifications.readAt)));
  return { data: page.map(toNotification), nextCursor, unreadCount: unread };
}

/** Marks one of the caller's notifications read (again: keeps the first time); 404 otherwise. */
export async function markNotificationRead(ctx: Ctx, id: string): Promise<Notification> {
  const [row] = await ctx.db
    .update(notifications)
    .set({
      readAt: sql`coalesce(${notifications.readAt}, ${ctx.now().toISOString()}::timestamptz)`,
    })
    .where(and(mine(ctx), eq(notifications.id, id)))
    .returning();
  if (!row) throw notFound('Notification');
  return toNotification(row);
}

export async function markAllNotificationsRead(ctx: Ctx): Promise<{ updated: number }> {
  const rows = await ctx.db
    .update(notifications)
    .set({ readAt: ctx.now() })
    .where(and(mine(ctx), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return { updated: rows.length };
}
