import type { Task } from '@guanxi/contract';
import {
  Badge,
  Button,
  Divider,
  EmptyState,
  Group,
  Paper,
  Skeleton,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconChecklist, IconPlus } from '@tabler/icons-react';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { usePermissions } from '../auth/session';
import { useMyTasks } from './api';
import { TaskFormModal } from './TaskForm';
import { TaskRow } from './TaskRow';

type SectionProps = {
  title: string;
  tasks: Task[];
  empty: string;
  color?: string;
};

function Section({ title, tasks, empty, color }: SectionProps) {
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label={title}>
      <Group gap="xs" mb="xs">
        <Title order={2} size="h4" c={color}>
          {title}
        </Title>
        <Badge variant="light" color={tasks.length > 0 && color ? color : 'gray'} circle>
          {tasks.length}
        </Badge>
      </Group>
      {tasks.length === 0 ? (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      ) : (
        <Stack gap={0}>
          {tasks.map((task, i) => (
            <Fragment key={task.id}>
              {i > 0 && <Divider />}
              <TaskRow task={task} />
            </Fragment>
          ))}
        </Stack>
      )}
    </Paper>
  );
}

/** "My tasks" (/tasks): my open tasks, overdue first, then due today, then upcoming. */
export function MyTasksPage() {
  const { t } = useTranslation();
  const { can } = usePermissions();
  const [adding, setAdding] = useState(false);
  const query = useMyTasks();
  const newButton = can('task', 'create') && (
    <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setAdding(true)}>
      {t('tasks.new')}
    </Button>
  );
  const data = query.data;
  const total = data ? data.overdue.length + data.today.length + data.upcoming.length : 0;

  return (
    <>
      <PageHeader
        title={t('tasks.title')}
        subtitle={
          data
            ? `${t('tasks.subtitle')} · ${t('tasks.timeZoneNote', { zone: data.timeZone })}`
            : t('tasks.subtitle')
        }
        actions={newButton}
      />
      {query.isPending ? (
        <Stack aria-busy>
          <Skeleton height={120} />
          <Skeleton height={120} />
        </Stack>
      ) : query.isError ? (
        <ErrorAlert
          error={query.error}
          message={t('tasks.loadError')}
          onRetry={() => query.refetch()}
        />
      ) : total === 0 ? (
        <Paper withBorder radius="md">
          <EmptyState
            py="xl"
            title={t('tasks.allClearTitle')}
            description={t('tasks.allClearDescription')}
            icon={<IconChecklist size={28} />}
            withIndicatorBackground
          >
            {newButton && <EmptyState.Actions>{newButton}</EmptyState.Actions>}
          </EmptyState>
        </Paper>
      ) : (
        <Stack gap="md">
          <Section
            title={t('tasks.overdue')}
            tasks={data?.overdue ?? []}
            empty={t('tasks.overdueEmpty')}
            color="red.7"
          />
          <Section
            title={t('tasks.dueToday')}
            tasks={data?.today ?? []}
            empty={t('tasks.todayEmpty')}
            color="blue"
          />
          <Section
            title={t('tasks.upcoming')}
            tasks={data?.upcoming ?? []}
            empty={t('tasks.upcomingEmpty')}
          />
        </Stack>
      )}
      <TaskFormModal opened={adding} onClose={() => setAdding(false)} />
    </>
  );
}
