import type { CreateTaskInput, TaskRecurrence, UpdateTaskInput } from '@guanxi/contract';
import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.js';
import { invalid } from '../../platform/errors.js';
import { linkPatch, resolveLinks } from '../../platform/record-links.js';
import type { WriteAction } from '../../platform/record-writes.js';
import { getWorkspaceTimeZone, startOfDate } from '../../platform/time-zone.js';
import { scheduleReminder } from './reminders.js';
import { nextDue } from './schedule.js';
import { tasks } from './tasks.tables.js';

type TaskRow = typeof tasks.$inferSelect;
type TaskInput = CreateTaskInput | UpdateTaskInput;

/** Marks a write whose links were copied from a checked task (a recurring task's next one). */
const COPIED_LINKS = Symbol('copiedLinks');

const asDate = (value: unknown): Date | null =>
  value === null || value === undefined
    ? null
    : value instanceof Date
      ? value
      : new Date(String(value));

const sameTime = (a: unknown, b: Date | null | undefined) =>
  (asDate(a)?.getTime() ?? null) === (b?.getTime() ?? null);

const recurrenceOf = (row?: TaskRow): TaskRecurrence | null =>
  row?.recurrenceFrequency
    ? {
        frequency: row.recurrenceFrequency as TaskRecurrence['frequency'],
        interval: row.recurrenceInterval ?? 1,
      }
    : null;

type Times = {
  dueAt: Date | null;
  dueDate: string | null;
  reminderMinutesBefore: number | null;
  reminderAt: Date | null;
  recurrence: TaskRecurrence | null;
};

/**
 * The task's times after a write: setting a due time clears the due date (and the other way
 * round), and likewise for the two kinds of reminder, unless the write sets both.
 */
function timesAfter(patch: Partial<Record<keyof Times, unknown>>, current?: TaskRow): Times {
  const pick = <K extends keyof Times>(key: K, stored: Times[K]): Times[K] =>
    patch[key] === undefined ? stored : (patch[key] as Times[K]);
  const times: Times = {
    dueAt: asDate(pick('dueAt', current?.dueAt ?? null)),
    dueDate: pick('dueDate', current?.dueDate ?? null),
    reminderMinutesBefore: pick('reminderMinutesBefore', current?.reminderMinutesBefore ?? null),
    reminderAt: asDate(pick('reminderAt', current?.reminderAt ?? null)),
    recurrence: pick('recurrence', recurrenceOf(current)),
  };
  const pairs = [
    ['dueAt', 'dueDate'],
    ['reminderMinutesBefore', 'reminderAt'],
  ] as const;
  for (const [a, b] of pairs) {
    if (patch[a] != null && patch[b] === undefined) times[b] = null;
    if (patch[b] != null && patch[a] === undefined) times[a] = null;
  }
  return times;
}

/** Refuses (400) a task whose times contradict each other. */
export async function assertTaskRules(data: TaskInput, current?: TaskRow): Promise<void> {
  const times = timesAfter(data, current);
  const due = times.dueAt !== null || times.dueDate !== null;
  if (times.dueAt && times.dueDate) {
    throw invalid('dueDate', 'give a due time (dueAt) or an all-day due date, not both');
  }
  if (times.reminderMinutesBefore !== null && times.reminderAt) {
    throw invalid('reminderAt', 'give minutes before the due time or a reminder time, not both');
  }
  if (times.reminderMinutesBefore !== null && !due) {
    throw invalid('reminderMinutesBefore', 'needs a due time or due date', 'required');
  }
  if (times.recurrence && !due) {
    throw invalid('recurrence', 'a repeating task needs a due time or due date', 'required');
  }
}

/** The time fields a write changes, from the task as it will be (`next`) and the stored one. */
function timePatch(next: Record<string, unknown>, current?: TaskRow) {
  if (!current) return next as Partial<Record<keyof Times, unknown>>;
  const patch: Partial<Record<keyof Times, unknown>> = {};
  if (!sameTime(next.dueAt, current.dueAt)) patch.dueAt = next.dueAt;
  if (next.dueDate !== current.dueDate) patch.dueDate = next.dueDate;
  if (!sameTime(next.reminderAt, current.reminderAt)) patch.reminderAt = next.reminderAt;
  if (next.reminderMinutesBefore !== current.reminderMinutesBefore) {
    patch.reminderMinutesBefore = next.reminderMinutesBefore;
  }
  if ('recurrence' in next) patch.recurrence = next.recurrence;
  return patch;
}

/**
 * Stored values of the task as it will be, in the write's transaction: links checked (and the
 * account filled in), times as dates, the repeat in its columns, and when it was completed.
 */
export async function deriveTask(
  next: Record<string, unknown>,
  ctx: Ctx,
  current?: TaskRow,
): Promise<Record<string, unknown>> {
  const links =
    COPIED_LINKS in next
      ? {}
      : await resolveLinks(ctx, linkPatch(next, current), current, { required: false });
  const times = timesAfter(timePatch(next, current), current);
  const recurrence = times.recurrence
    ? { frequency: times.recurrence.frequency, interval: times.recurrence.interval ?? 1 }
    : null;
  const status = (next.status as string | undefined) ?? 'open';
  return {
    ...links,
    ...times,
    recurrence,
    recurrenceFrequency: recurrence?.frequency ?? null,
    recurrenceInterval: recurrence?.interval ?? null,
    completedAt:
      status !== 'done' ? null : current?.status === 'done' ? current.completedAt : ctx.now(),
  };
}

const TIME_FIELDS = [
  'status',
  'dueAt',
  'dueDate',
  'reminderMinutesBefore',
  'reminderAt',
  'ownerId',
] as const;

/** The next occurrence of a recurring task that was just completed, as a create input. */
async function nextOccurrence(ctx: Ctx, done: TaskRow): Promise<CreateTaskInput> {
  const recurrence = recurrenceOf(done)!;
  const timeZone = await getWorkspaceTimeZone(ctx.db, ctx.actor.workspaceId);
  const due = nextDue(done, recurrence, timeZone, ctx.now());
  const instant = (t: { dueAt: Date | null; dueDate: string | null }) =>
    t.dueAt ?? (t.dueDate ? startOfDate(t.dueDate, timeZone) : null);
  const shift = (instant(due)?.getTime() ?? 0) - (instant(done)?.getTime() ?? 0);
  const input = {
    title: done.title,
    description: done.description,
    dueAt: due.dueAt?.toISOString() ?? null,
    dueDate: due.dueDate,
    priority: done.priority as CreateTaskInput['priority'],
    reminderMinutesBefore: done.reminderMinutesBefore,
    reminderAt: done.reminderAt ? new Date(done.reminderAt.getTime() + shift).toISOString() : null,
    recurrence,
    leadId: done.leadId,
    accountId: done.accountId,
    contactId: done.contactId,
    opportunityId: done.opportunityId,
    ownerId: done.ownerId,
    custom: done.custom,
  };
  return Object.assign(input, { [COPIED_LINKS]: true });
}

/**
 * Follow-ups of a task write in its transaction: the reminder is rescheduled when a time, the
 * status or the assignee changed (or cancelled), and completing a recurring task creates its
 * next occurrence once.
 */
export async function onTaskWritten(
  ctx: Ctx,
  change: { action: WriteAction; before: TaskRow | null; after: TaskRow },
  createNext: (input: CreateTaskInput) => Promise<{ id: string }>,
): Promise<void> {
  const { action, before, after } = change;
  const timesChanged =
    action !== 'update' ||
    TIME_FIELDS.some((field) => {
      const a = before?.[field];
      const b = after[field];
      return a instanceof Date || b instanceof Date ? !sameTime(a, b as Date | null) : a !== b;
    });
  if (timesChanged) await scheduleReminder(ctx, after);

  const completed = action === 'update' && after.status === 'done' && before?.status !== 'done';
  if (completed && after.recurrenceFrequency && !after.nextOccurrenceId) {
    const created = await createNext(await nextOccurrence(ctx, after));
    await ctx.db
      .update(tasks)
      .set({ nextOccurrenceId: created.id })
      .where(and(eq(tasks.workspaceId, after.workspaceId), eq(tasks.id, after.id)));
  }
}
