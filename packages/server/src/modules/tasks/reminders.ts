import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Ctx } from '../../platform/context.js';
import { cancelJobs, enqueueJob, registerJobHandler } from '../../platform/jobs.js';
import { getWorkspaceTimeZone } from '../../platform/time-zone.js';
import { notify } from '../notifications/index.js';
import { dueEnd, reminderTime } from './schedule.js';
import { tasks } from './tasks.tables.js';

export const REMINDER_JOB = 'tasks.reminder';
const ReminderPayload = z.object({ taskId: z.uuid(), remindAt: z.iso.datetime() });

type TaskRow = typeof tasks.$inferSelect;
const dedupeKey = (taskId: string) => `task:${taskId}`;

/**
 * (Re)schedules the task's reminder in the write's transaction, or cancels it when the task is
 * closed, trashed or has none. A reminder whose time has passed goes off at once while the task
 * is not yet overdue; an overdue task gets none.
 */
export async function scheduleReminder(ctx: Ctx, task: TaskRow): Promise<void> {
  const timeZone = await getWorkspaceTimeZone(ctx.db, ctx.actor.workspaceId);
  const remindAt = task.status === 'open' && !task.deletedAt ? reminderTime(task, timeZone) : null;
  const now = ctx.now();
  const deadline = remindAt ? (dueEnd(task, timeZone) ?? remindAt) : null;
  if (!remindAt || !deadline || deadline <= now) {
    await cancelJobs(ctx.db, REMINDER_JOB, dedupeKey(task.id));
    return;
  }
  await enqueueJob(ctx.db, {
    name: REMINDER_JOB,
    workspaceId: ctx.actor.workspaceId,
    payload: { taskId: task.id, remindAt: remindAt.toISOString() },
    runAt: remindAt > now ? remindAt : now,
    dedupeKey: dedupeKey(task.id),
  });
}

// The handler trusts nothing from the time it was scheduled: it re-reads the task and notifies
// the current assignee only if the task is still open and still reminds at that time. The
// notification's dedupe key makes a retry or a second run notify once.
registerJobHandler(REMINDER_JOB, async (job, { database, now }) => {
  const payload = ReminderPayload.parse(job.payload);
  const workspaceId = job.workspaceId;
  if (!workspaceId) throw new Error('a task reminder needs its workspace');
  const { db } = database;
  const [task] = await db
    .select()
    .from(tasks)
    .where(and(eq(tasks.workspaceId, workspaceId), eq(tasks.id, payload.taskId)));
  if (!task || task.deletedAt || task.status !== 'open') return;
  const timeZone = await getWorkspaceTimeZone(db, workspaceId);
  const remindAt = reminderTime(task, timeZone);
  if (remindAt?.toISOString() !== payload.remindAt) return;
  await notify(db, {
    workspaceId,
    userId: task.ownerId,
    kind: 'tasks.reminder',
    // `due` is what the text shows: the due time, or the day of an all-day task.
    params: {
      title: task.title,
      due: task.dueAt?.toISOString() ?? task.dueDate,
      dueAt: task.dueAt?.toISOString() ?? null,
      dueDate: task.dueDate,
    },
    recordType: 'task',
    recordId: task.id,
    dedupeKey: `tasks.reminder:${task.id}:${payload.remindAt}`,
    at: now,
  });
});
