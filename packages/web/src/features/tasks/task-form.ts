import type { CreateTaskInput, RecurrenceFrequency, Task, TaskPriority } from '@guanxi/contract';
import dayjs from 'dayjs';
import { textOrNull } from '../../lib/form-state';

export const REMINDER_CHOICES = ['none', '0', '5', '15', '30', '60', '1440'] as const;

/** The task form's values: due and reminder as the browser's inputs and selects hold them. */
export type TaskFormValues = {
  title: string;
  description: string;
  dueKind: 'time' | 'date' | 'none';
  /** 'YYYY-MM-DDTHH:mm' in the browser's time zone. */
  dueAt: string;
  /** 'YYYY-MM-DD'. */
  dueDate: string;
  priority: TaskPriority;
  /** Minutes before the due time, 'none', or 'at' to keep an exact reminder time set elsewhere. */
  reminder: string;
  recurrence: RecurrenceFrequency | 'none';
  interval: number | string;
  ownerId: string;
  accountId: string | null;
  accountName: string | null;
};

const LOCAL_MINUTE = 'YYYY-MM-DDTHH:mm';

/** Defaults of a new task: due tomorrow at 10:00, reminded 30 minutes before. */
export function taskToValues(task: Task | undefined, ownerId: string): TaskFormValues {
  const dueKind = task ? (task.dueAt ? 'time' : task.dueDate ? 'date' : 'none') : 'time';
  const tomorrow = dayjs().add(1, 'day').hour(10).minute(0);
  return {
    title: task?.title ?? '',
    description: task?.description ?? '',
    dueKind,
    dueAt: task?.dueAt ? dayjs(task.dueAt).format(LOCAL_MINUTE) : tomorrow.format(LOCAL_MINUTE),
    dueDate: task?.dueDate ?? tomorrow.format('YYYY-MM-DD'),
    priority: task?.priority ?? 'normal',
    reminder: task
      ? task.reminderAt
        ? 'at'
        : task.reminderMinutesBefore === null
          ? 'none'
          : String(task.reminderMinutesBefore)
      : '30',
    recurrence: task?.recurrence?.frequency ?? 'none',
    interval: task?.recurrence?.interval ?? 1,
    ownerId: task?.ownerId ?? ownerId,
    accountId: task?.accountId ?? null,
    accountName: task?.accountName ?? null,
  };
}

/** The API input of the form; links other than a picked account come from the caller. */
export function valuesToInput(values: TaskFormValues): CreateTaskInput {
  const due = values.dueKind;
  const reminder =
    due === 'none' || values.reminder === 'none' || values.reminder === 'at'
      ? null
      : Number(values.reminder);
  return {
    title: values.title.trim(),
    description: textOrNull(values.description),
    dueAt: due === 'time' && values.dueAt ? dayjs(values.dueAt).toISOString() : null,
    dueDate: due === 'date' && values.dueDate ? values.dueDate : null,
    priority: values.priority,
    // "Keep the exact time" sends nothing about reminders, so the stored one stays.
    ...(values.reminder === 'at' && due !== 'none' ? {} : { reminderMinutesBefore: reminder }),
    recurrence:
      due === 'none' || values.recurrence === 'none'
        ? null
        : { frequency: values.recurrence, interval: Number(values.interval) || 1 },
    ownerId: values.ownerId,
    ...(values.accountId !== undefined ? { accountId: values.accountId } : {}),
  };
}
