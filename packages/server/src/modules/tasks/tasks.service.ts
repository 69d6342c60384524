import {
  type CreateTaskInput,
  RESTRICTABLE_FIELDS,
  TASK_PRIORITIES,
  TASK_STATUSES,
  type Task,
  type TaskRecurrence,
  type UpdateTaskInput,
} from '@guanxi/contract';
import type { Ctx } from '../../platform/context.js';
import { type LinkNames, linkNames, linksToApi } from '../../platform/record-links.js';
import { type RecordService, recordService } from '../../platform/record-service.js';
import { type ObjectDef, recordMetaToApi } from '../../platform/records.js';
import { assertTaskRules, deriveTask, onTaskWritten } from './task-rules.js';
import { tasks } from './tasks.tables.js';

export type TaskRow = typeof tasks.$inferSelect;

export const recurrenceOf = (row: TaskRow): TaskRecurrence | null =>
  row.recurrenceFrequency
    ? {
        frequency: row.recurrenceFrequency as TaskRecurrence['frequency'],
        interval: row.recurrenceInterval ?? 1,
      }
    : null;

const toTask = (row: TaskRow, names?: LinkNames): Task =>
  Object.assign(recordMetaToApi(row), {
    title: row.title,
    description: row.description,
    dueAt: row.dueAt?.toISOString() ?? null,
    dueDate: row.dueDate,
    priority: row.priority as Task['priority'],
    status: row.status as Task['status'],
    completedAt: row.completedAt?.toISOString() ?? null,
    reminderMinutesBefore: row.reminderMinutesBefore,
    reminderAt: row.reminderAt?.toISOString() ?? null,
    recurrence: recurrenceOf(row),
    nextOccurrenceId: row.nextOccurrenceId,
    ...linksToApi(row, names),
  });

const t = tasks;
export const taskObject: ObjectDef<TaskRow, Task> = {
  object: 'task',
  label: 'Task',
  table: t,
  defaultSort: 'dueAt',
  searchColumns: [t.title, t.description],
  auditFields: [
    'title',
    'dueAt',
    'dueDate',
    'priority',
    'status',
    'reminderMinutesBefore',
    'reminderAt',
    'recurrence',
    ...RESTRICTABLE_FIELDS.task,
    'leadId',
    'accountId',
    'contactId',
    'opportunityId',
    'ownerId',
    'custom',
  ],
  fields: {
    id: { column: t.id, type: 'uuid' },
    title: { column: t.title, type: 'text', sortable: true },
    description: { column: t.description, type: 'text' },
    dueAt: { column: t.dueAt, type: 'datetime', sortable: true },
    dueDate: { column: t.dueDate, type: 'date', sortable: true },
    priority: { column: t.priority, type: 'enum', values: TASK_PRIORITIES, sortable: true },
    status: { column: t.status, type: 'enum', values: TASK_STATUSES, sortable: true },
    completedAt: { column: t.completedAt, type: 'datetime', sortable: true },
    leadId: { column: t.leadId, type: 'uuid' },
    accountId: { column: t.accountId, type: 'uuid' },
    contactId: { column: t.contactId, type: 'uuid' },
    opportunityId: { column: t.opportunityId, type: 'uuid' },
    ownerId: { column: t.ownerId, type: 'uuid' },
    createdAt: { column: t.createdAt, type: 'datetime', sortable: true },
    updatedAt: { column: t.updatedAt, type: 'datetime', sortable: true },
  },
  toApi: (row) => toTask(row),
  // As activities (Salesforce's "controlled by parent" covers tasks too): the account team sees
  // what is planned on the customer. The task stays its assignee's work: only the owner's scope
  // changes or completes it, and "my tasks" and reminders are the assignee's alone.
  readableThrough: [
    { column: t.accountId, object: 'account', keptOwner: t.accountOwnerId },
    { column: t.leadId, object: 'lead', keptOwner: t.leadOwnerId },
    { column: t.opportunityId, object: 'opportunity', keptOwner: t.opportunityOwnerId },
  ],
  derivedFields: {
    leadId: ['leadName'],
    accountId: ['accountName'],
    contactId: ['contactName'],
    opportunityId: ['opportunityName'],
  },
};

export async function withLinkNames(ctx: Ctx, rows: TaskRow[]): Promise<Task[]> {
  const names = await linkNames(ctx, rows);
  return rows.map((row) => toTask(row, names));
}

/**
 * The task use cases. A write's links are checked in its transaction (live records the actor
 * can see; a task needs none), its reminder is rescheduled with it, and completing a recurring
 * task creates the next occurrence in the same transaction.
 */
const recordTasks: RecordService<Task, CreateTaskInput, UpdateTaskInput> = recordService<
  TaskRow,
  Task,
  CreateTaskInput,
  UpdateTaskInput
>(taskObject, {
  present: withLinkNames,
  validate: async (_ctx, data, current) => assertTaskRules(data, current),
  derive: deriveTask,
  afterWrite: (ctx, change): Promise<void> =>
    onTaskWritten(ctx, change, (input) => recordTasks.create(ctx, input as CreateTaskInput)),
});

export const taskService: RecordService<Task, CreateTaskInput, UpdateTaskInput> = {
  ...recordTasks,
  async update(ctx, args) {
    const updated = await recordTasks.update(ctx, args);
    // Completing a recurring task linked its next occurrence after the row was written.
    return updated.status === 'done' && updated.recurrence && !updated.nextOccurrenceId
      ? recordTasks.get(ctx, args.id)
      : updated;
  },
};
export const {
  list: listTasks,
  get: getTask,
  create: createTask,
  update: updateTask,
  remove: deleteTask,
  restore: restoreTask,
  history: getTaskHistory,
} = taskService;
