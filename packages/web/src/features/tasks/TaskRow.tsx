import type { Task } from '@guanxi/contract';
import {
  ActionIcon,
  Badge,
  Checkbox,
  Group,
  Menu,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { IconDots, IconPencil, IconRepeat, IconTrash } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useState } from 'react';
import { ConfirmModal } from '../../components/ConfirmModal';
import { formatDate, formatDateTime } from '../../lib/format';
import { notifyError, notifySuccess } from '../../lib/notify';
import { useRecordView } from '../../records/view';
import type { RecordLink } from '../activities/api';
import { RecordRef } from '../activities/record-ref';
import { usePermissions } from '../auth/session';
import { tasksApi, useSetTaskStatus } from './api';
import { TaskFormModal } from './TaskForm';

const PRIORITY_COLOR = { high: 'red', normal: 'blue', low: 'gray' } as const;

/** Whether the task is past due now (all-day tasks: after their day). */
export const isOverdue = (task: Task) =>
  task.status === 'open' &&
  (task.dueAt
    ? dayjs(task.dueAt).isBefore(dayjs())
    : task.dueDate !== null && dayjs(task.dueDate).isBefore(dayjs(), 'day'));

type TaskRowProps = {
  task: Task;
  /** The page's own records: links to them are not repeated. */
  link?: RecordLink;
  /** Show who the task is assigned to (lists of several people's tasks). */
  showAssignee?: boolean;
};

/** One task: a checkbox completes it in one click; the title opens it for editing. */
export function TaskRow({ task, link = {}, showAssignee = false }: TaskRowProps) {
  const { t, label, userName } = useRecordView();
  const { can } = usePermissions();
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const setStatus = useSetTaskStatus();
  const remove = tasksApi.useRemove();
  const canUpdate = can('task', 'update', task);
  const canDelete = can('task', 'delete', task);
  const done = task.status === 'done';

  const toggle = () =>
    setStatus.mutate(
      { task, status: done ? 'open' : 'done' },
      {
        onSuccess: (saved) => {
          if (saved.status !== 'done') return;
          notifySuccess(t(saved.nextOccurrenceId ? 'tasks.completedRecurring' : 'tasks.completed'));
        },
        onError: (error) => notifyError(t, error),
      },
    );
  const onDelete = () =>
    remove.mutate(task, {
      onSuccess: () => {
        setDeleting(false);
        notifySuccess(t('tasks.deleted'));
      },
      onError: (error) => notifyError(t, error),
    });
  const due = task.dueAt
    ? formatDateTime(task.dueAt)
    : task.dueDate
      ? `${formatDate(task.dueDate)} · ${t('tasks.allDay')}`
      : null;
  const related = (
    [
      ['account', task.accountId, task.accountName, link.accountId],
      ['contact', task.contactId, task.contactName, link.contactId],
      ['opportunity', task.opportunityId, task.opportunityName, link.opportunityId],
      ['lead', task.leadId, task.leadName, link.leadId],
    ] as const
  ).filter(([, id, name, own]) => id && name && id !== own);

  return (
    <Group wrap="nowrap" align="flex-start" gap="sm" py={6}>
      <Checkbox
        mt={3}
        checked={done}
        onChange={toggle}
        disabled={!canUpdate || setStatus.isPending}
        aria-label={t('tasks.markDone', { title: task.title })}
      />
      <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
        <Group gap="xs" wrap="wrap">
          <UnstyledButton onClick={() => setEditing(true)} disabled={!canUpdate}>
            <Text fw={500} td={done ? 'line-through' : undefined}>
              {task.title}
            </Text>
          </UnstyledButton>
          {task.priority !== 'normal' && (
            <Badge size="xs" variant="light" color={PRIORITY_COLOR[task.priority]} tt="none">
              {label('taskPriority', task.priority)}
            </Badge>
          )}
          {task.recurrence && (
            <IconRepeat
              size={14}
              aria-label={t('tasks.repeats', {
                rule: label('recurrenceFrequency', task.recurrence.frequency),
              })}
            />
          )}
        </Group>
        <Group gap="md" wrap="wrap">
          <Text size="xs" c={isOverdue(task) ? 'red.7' : 'dimmed'} fw={isOverdue(task) ? 600 : 400}>
            {due ? t('tasks.dueLine', { due }) : t('tasks.noDue')}
          </Text>
          {related.map(([type, id, name]) => (
            <Text size="xs" c="dimmed" key={type}>
              <RecordRef recordType={type} id={id as string} size="xs">
                {name}
              </RecordRef>
            </Text>
          ))}
          {showAssignee && (
            <Text size="xs" c="dimmed">
              {userName(task.ownerId)}
            </Text>
          )}
        </Group>
      </Stack>
      {(canUpdate || canDelete) && (
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label={t('tasks.actionsFor', { title: task.title })}
            >
              <IconDots size={16} />
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            {canUpdate && (
              <Menu.Item leftSection={<IconPencil size={14} />} onClick={() => setEditing(true)}>
                {t('common.edit')}
              </Menu.Item>
            )}
            {canDelete && (
              <Menu.Item
                color="red"
                leftSection={<IconTrash size={14} />}
                onClick={() => setDeleting(true)}
              >
                {t('common.delete')}
              </Menu.Item>
            )}
          </Menu.Dropdown>
        </Menu>
      )}
      <TaskFormModal opened={editing} onClose={() => setEditing(false)} task={task} link={link} />
      <ConfirmModal
        opened={deleting}
        title={t('tasks.deleteTitle')}
        message={t('tasks.deleteMessage', { title: task.title })}
        confirmLabel={t('common.delete')}
        loading={remove.isPending}
        onConfirm={onDelete}
        onClose={() => setDeleting(false)}
      />
    </Group>
  );
}
