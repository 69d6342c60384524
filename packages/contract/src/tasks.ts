import { z } from 'zod';
import { RecordLinksInput, RecordLinksSchema } from './activities.js';
import {
  IdSchema,
  optionalText,
  RecordMetaSchema,
  requiredText,
  TimestampSchema,
} from './common.js';

export const TASK_PRIORITIES = ['low', 'normal', 'high'] as const;
export type TaskPriority = (typeof TASK_PRIORITIES)[number];
export const TASK_STATUSES = ['open', 'done', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
export const RECURRENCE_FREQUENCIES = ['daily', 'weekly', 'monthly'] as const;
export type RecurrenceFrequency = (typeof RECURRENCE_FREQUENCIES)[number];

/** A calendar day, 'YYYY-MM-DD'. */
export const DateOnlySchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date such as 2026-03-31' })
  .refine(
    (v) =>
      !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) &&
      new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
    {
      message: 'must be a real calendar date',
      params: { format: 'date' },
    },
  );

/** Repeat every `interval` days, weeks or months, counted from the due date. */
export const TaskRecurrenceSchema = z.object({
  frequency: z.enum(RECURRENCE_FREQUENCIES),
  interval: z.number().int().min(1).max(99),
});
export type TaskRecurrence = z.infer<typeof TaskRecurrenceSchema>;

const taskFields = {
  title: requiredText(200),
  description: optionalText(10_000),
  /** Due at a time; or `dueDate` for an all-day task (not both). */
  dueAt: TimestampSchema.nullable().optional(),
  dueDate: DateOnlySchema.nullable().optional(),
  priority: z.enum(TASK_PRIORITIES).optional(),
  status: z.enum(TASK_STATUSES).optional(),
  /** Remind the assignee this long before the due time (all-day tasks: before 09:00 that day). */
  reminderMinutesBefore: z
    .number()
    .int()
    .min(0)
    .max(60 * 24 * 30)
    .nullable()
    .optional(),
  /** Or remind at this exact time (not both). */
  reminderAt: TimestampSchema.nullable().optional(),
  recurrence: z
    .object({
      frequency: z.enum(RECURRENCE_FREQUENCIES),
      interval: z.number().int().min(1).max(99).default(1),
    })
    .nullable()
    .optional(),
  ...RecordLinksInput.shape,
  /** The assignee. */
  ownerId: IdSchema.optional(),
  custom: z.record(z.string(), z.unknown()).optional(),
};

export const CreateTaskInput = z.strictObject(taskFields).meta({ id: 'TaskCreate' });
export type CreateTaskInput = z.infer<typeof CreateTaskInput>;
export const UpdateTaskInput = z
  .strictObject({ ...taskFields, title: taskFields.title.optional() })
  .meta({ id: 'TaskUpdate' });
export type UpdateTaskInput = z.infer<typeof UpdateTaskInput>;

export const TaskSchema = RecordMetaSchema.extend({
  title: z.string(),
  description: z.string().nullable(),
  dueAt: TimestampSchema.nullable(),
  dueDate: z.string().nullable(),
  priority: z.enum(TASK_PRIORITIES),
  status: z.enum(TASK_STATUSES),
  completedAt: TimestampSchema.nullable(),
  reminderMinutesBefore: z.number().int().nullable(),
  reminderAt: TimestampSchema.nullable(),
  recurrence: TaskRecurrenceSchema.nullable(),
  /** The occurrence created when this recurring task was completed. */
  nextOccurrenceId: IdSchema.nullable(),
  ...RecordLinksSchema.shape,
  ownerId: IdSchema,
}).meta({ id: 'Task' });
export type Task = z.infer<typeof TaskSchema>;

/**
 * The caller's open tasks by due time. "Today" is the day in the `X-Time-Zone` request header
 * (an IANA zone such as Asia/Shanghai, sent by the web app from the browser), else in the
 * workspace's time zone.
 */
export const MyTasksSchema = z
  .object({
    /** The IANA time zone "today" was computed in. */
    timeZone: z.string(),
    /** Today's date in that zone. */
    date: DateOnlySchema,
    /** Due before now (all-day tasks: before today). */
    overdue: z.array(TaskSchema),
    /** Due later today. */
    today: z.array(TaskSchema),
    /** Due after today, then the ones without a due time. */
    upcoming: z.array(TaskSchema),
  })
  .meta({ id: 'MyTasks' });
export type MyTasks = z.infer<typeof MyTasksSchema>;
