import type { RecurrenceFrequency } from '@guanxi/contract';
import {
  addDaysToDate,
  dateIn,
  shiftDate,
  shiftInstant,
  startOfDate,
} from '../../platform/time-zone.js';

// A task's times: when it is due, when its reminder goes off, and when the next occurrence of
// a recurring task is due. All-day tasks are due on a date of the workspace's time zone.

/** Reminders of all-day tasks count back from this hour of the due date. */
export const ALL_DAY_REMINDER_HOUR = 9;

export type TaskTimes = {
  dueAt: Date | null;
  dueDate: string | null;
  reminderMinutesBefore: number | null;
  reminderAt: Date | null;
};

/** When the reminder goes off, or null when the task has none. */
export function reminderTime(task: TaskTimes, timeZone: string): Date | null {
  if (task.reminderAt) return task.reminderAt;
  if (task.reminderMinutesBefore === null) return null;
  const base =
    task.dueAt ??
    (task.dueDate ? startOfDate(task.dueDate, timeZone, ALL_DAY_REMINDER_HOUR) : null);
  return base ? new Date(base.getTime() - task.reminderMinutesBefore * 60_000) : null;
}

/** The last instant the task is not yet overdue: its due time, or the end of its due date. */
export function dueEnd(task: Pick<TaskTimes, 'dueAt' | 'dueDate'>, timeZone: string): Date | null {
  if (task.dueAt) return task.dueAt;
  return task.dueDate ? startOfDate(addDaysToDate(task.dueDate, 1), timeZone) : null;
}

const step = (frequency: RecurrenceFrequency, interval: number) =>
  frequency === 'monthly'
    ? { months: interval }
    : { days: frequency === 'weekly' ? 7 * interval : interval };

/**
 * Due time of the next occurrence: the due time moved by whole intervals (in the workspace's
 * calendar, so 09:00 stays 09:00) until it is in the future, so completing a task that is late
 * does not create one that is late already.
 */
export function nextDue(
  task: Pick<TaskTimes, 'dueAt' | 'dueDate'>,
  recurrence: { frequency: RecurrenceFrequency; interval: number },
  timeZone: string,
  now: Date,
): { dueAt: Date | null; dueDate: string | null } {
  const today = dateIn(now, timeZone);
  for (let n = 1; n <= 10_000; n++) {
    const { days, months } = step(recurrence.frequency, recurrence.interval * n);
    const amount = { days, months };
    if (task.dueAt) {
      const dueAt = shiftInstant(task.dueAt, timeZone, amount);
      if (dueAt > now) return { dueAt, dueDate: null };
    } else if (task.dueDate) {
      const dueDate = shiftDate(task.dueDate, amount);
      if (dueDate > today) return { dueAt: null, dueDate };
    }
  }
  return { dueAt: task.dueAt, dueDate: task.dueDate };
}
