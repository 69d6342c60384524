import type { MyTasks } from '@guanxi/contract';
import { and, asc, eq, gt, gte, isNull, lt, or, type SQL, sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { requirePermission } from '../../platform/permissions.js';
import { maskHiddenFields } from '../../platform/records.js';
import {
  addDaysToDate,
  dateIn,
  getWorkspaceTimeZone,
  isTimeZone,
  startOfDate,
} from '../../platform/time-zone.js';
import { taskObject, withLinkNames } from './tasks.service.js';
import { tasks } from './tasks.tables.js';

const OVERDUE_LIMIT = 100;
const TODAY_LIMIT = 100;
const UPCOMING_LIMIT = 50;

/** The zone that decides "today": the caller's (X-Time-Zone), else the workspace's. */
async function timeZoneFor(ctx: Ctx, requested: string | undefined): Promise<string> {
  if (requested === undefined || requested === '') {
    return getWorkspaceTimeZone(ctx.db, ctx.actor.workspaceId);
  }
  if (!isTimeZone(requested)) {
    throw new AppError('bad_request', `X-Time-Zone: "${requested}" is not a known time zone.`, {
      errors: [
        {
          path: 'X-Time-Zone',
          message: 'must be an IANA time zone such as Asia/Shanghai',
          code: 'invalid_value',
        },
      ],
    });
  }
  return requested;
}

/** The caller's open tasks: overdue, due later today, and upcoming (then undated). */
export async function listMyTasks(ctx: Ctx, requestedTimeZone?: string): Promise<MyTasks> {
  requirePermission(ctx, 'task', 'read');
  const timeZone = await timeZoneFor(ctx, requestedTimeZone);
  const now = ctx.now();
  const today = dateIn(now, timeZone);
  const tomorrow = startOfDate(addDaysToDate(today, 1), timeZone);
  const due = sql`coalesce(${tasks.dueAt}, ${tasks.dueDate}::timestamp at time zone ${timeZone})`;
  const mine = and(
    eq(tasks.workspaceId, ctx.actor.workspaceId),
    eq(tasks.ownerId, ctx.actor.userId),
    eq(tasks.status, 'open'),
    isNull(tasks.deletedAt),
  );
  const section = async (where: SQL | undefined, limit: number) => {
    const rows = await ctx.db
      .select()
      .from(tasks)
      .where(and(mine, where))
      .orderBy(sql`${due} asc nulls last`, asc(tasks.id))
      .limit(limit);
    const records = await withLinkNames(ctx, rows);
    return records.map((record) => maskHiddenFields(ctx, taskObject, record));
  };
  return {
    timeZone,
    date: today,
    overdue: await section(or(lt(tasks.dueAt, now), lt(tasks.dueDate, today)), OVERDUE_LIMIT),
    today: await section(
      or(and(gte(tasks.dueAt, now), lt(tasks.dueAt, tomorrow)), eq(tasks.dueDate, today)),
      TODAY_LIMIT,
    ),
    upcoming: await section(
      or(
        gte(tasks.dueAt, tomorrow),
        gt(tasks.dueDate, today),
        and(isNull(tasks.dueAt), isNull(tasks.dueDate)),
      ),
      UPCOMING_LIMIT,
    ),
  };
}
