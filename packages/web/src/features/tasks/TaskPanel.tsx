import { Button, Divider, EmptyState, Group, Skeleton, Stack, Title } from '@mantine/core';
import { IconChecklist, IconPlus } from '@tabler/icons-react';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadMoreButton } from '../../components/LoadMoreButton';
import type { RecordLink } from '../activities/api';
import { usePermissions } from '../auth/session';
import { useOpenTasks } from './api';
import { TaskFormModal } from './TaskForm';
import { TaskRow } from './TaskRow';

type TaskPanelProps = {
  /** The record(s) whose open tasks to show; a new task is linked to them. */
  link: RecordLink;
  /** Hide "Add task" (e.g. on a record in the trash). */
  readOnly?: boolean;
};

/** A record's open tasks, soonest due first, with one-click complete and "Add task". */
export function TaskPanel({ link, readOnly = false }: TaskPanelProps) {
  const { t } = useTranslation();
  const { can } = usePermissions();
  const [adding, setAdding] = useState(false);
  const query = useOpenTasks(link);
  const tasks = query.data?.pages.flatMap((page) => page.data) ?? [];
  const addButton = !readOnly && can('task', 'create') && (
    <Button
      variant="light"
      leftSection={<IconPlus size={16} aria-hidden />}
      onClick={() => setAdding(true)}
    >
      {t('tasks.add')}
    </Button>
  );

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={3} size="h4">
          {t('tasks.panelTitle')}
        </Title>
        {tasks.length > 0 && addButton}
      </Group>
      {query.isPending ? (
        <Stack gap="xs" aria-busy>
          <Skeleton height={40} />
          <Skeleton height={40} />
        </Stack>
      ) : query.isError ? (
        <ErrorAlert
          error={query.error}
          message={t('tasks.loadError')}
          onRetry={() => query.refetch()}
        />
      ) : tasks.length === 0 ? (
        <EmptyState
          py="md"
          title={t('tasks.panelEmptyTitle')}
          description={t('tasks.panelEmptyDescription')}
          icon={<IconChecklist size={28} />}
          withIndicatorBackground
        >
          {addButton && <EmptyState.Actions>{addButton}</EmptyState.Actions>}
        </EmptyState>
      ) : (
        <Stack gap={0}>
          {tasks.map((task, i) => (
            <Fragment key={task.id}>
              {i > 0 && <Divider />}
              <TaskRow task={task} link={link} showAssignee />
            </Fragment>
          ))}
          {query.hasNextPage && (
            <Group justify="center" mt="sm">
              <LoadMoreButton query={query} />
            </Group>
          )}
        </Stack>
      )}
      <TaskFormModal opened={adding} onClose={() => setAdding(false)} link={link} />
    </Stack>
  );
}
