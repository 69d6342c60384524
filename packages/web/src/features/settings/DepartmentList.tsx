import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { IconCornerDownRight, IconSitemap } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../components/ConfirmModal';
import { type DataColumn, DataTable } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { RowAction } from '../../components/RowAction';
import { TableSkeleton } from '../../components/TableSkeleton';
import { notifyError, notifyFailure, notifySuccess } from '../../lib/notify';
import { errorCode } from '../../lib/problem';
import { useDeleteDepartment, useDepartments, useUsers } from './api';
import { type DepartmentAction, DepartmentDialog } from './DepartmentDialog';
import { type DepartmentNode, departmentTree } from './department-tree';

type Acting = { action: DepartmentAction | 'delete'; department: DepartmentNode };

/** The department tree with member counts: add, rename, move and delete departments. */
export function DepartmentList() {
  const { t } = useTranslation();
  const departments = useDepartments();
  const users = useUsers();
  const remove = useDeleteDepartment();
  const [acting, setActing] = useState<Acting | null>(null);

  if (departments.isPending) return <TableSkeleton />;
  if (departments.isError) {
    return <ErrorAlert error={departments.error} onRetry={() => departments.refetch()} />;
  }

  const tree = departmentTree(departments.data);
  const members = (d: DepartmentNode) =>
    users.data?.filter((u) => u.departmentId === d.id && u.status === 'active').length;
  const act = (action: Acting['action'], department: DepartmentNode) => () =>
    setActing({ action, department });

  const onDelete = (department: DepartmentNode) =>
    remove.mutate(department.id, {
      onSuccess: () => notifySuccess(t('departments.deleted')),
      onError: (error) =>
        errorCode(error) === 'conflict'
          ? notifyFailure(t('departments.inUse', { name: department.name }))
          : notifyError(t, error),
      onSettled: () => setActing(null),
    });

  const columns: DataColumn<DepartmentNode>[] = [
    {
      key: 'name',
      header: t('departments.columns.name'),
      cell: (d) => (
        <Group gap={6} wrap="nowrap" pl={d.depth * 24}>
          {d.depth > 0 ? (
            <IconCornerDownRight size={16} color="var(--mantine-color-dimmed)" aria-hidden />
          ) : (
            <IconSitemap size={16} color="var(--mantine-color-dimmed)" aria-hidden />
          )}
          <Text size="sm" fw={d.depth === 0 ? 600 : 500}>
            {d.name}
          </Text>
          {d.depth === 0 && (
            <Badge size="xs" variant="light" color="gray" tt="none">
              {t('departments.root')}
            </Badge>
          )}
        </Group>
      ),
    },
    { key: 'members', header: t('departments.columns.members'), cell: (d) => members(d) ?? '' },
    {
      key: 'actions',
      header: t('common.actions'),
      cell: (d) => (
        <Group gap="xs" wrap="nowrap">
          <RowAction label={t('departments.add')} rowName={d.name} onClick={act('add', d)} />
          <RowAction label={t('departments.rename')} rowName={d.name} onClick={act('rename', d)} />
          {d.parentId && (
            <>
              <RowAction label={t('departments.move')} rowName={d.name} onClick={act('move', d)} />
              <RowAction
                label={t('common.delete')}
                rowName={d.name}
                color="red"
                onClick={act('delete', d)}
              />
            </>
          )}
        </Group>
      ),
    },
  ];

  return (
    <Paper withBorder radius="md" p="md">
      <Stack>
        <Text size="sm" c="dimmed">
          {t('departments.description')}
        </Text>
        {tree.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('departments.empty')}
          </Text>
        ) : (
          <DataTable label={t('departments.tree')} rows={tree} columns={columns} minWidth={760} />
        )}
      </Stack>
      {acting && acting.action !== 'delete' && (
        <DepartmentDialog
          action={acting.action}
          department={acting.department}
          tree={tree}
          onClose={() => setActing(null)}
        />
      )}
      <ConfirmModal
        opened={acting?.action === 'delete'}
        title={t('departments.deleteTitle')}
        message={t('departments.deleteMessage', { name: acting?.department.name ?? '' })}
        confirmLabel={t('common.delete')}
        loading={remove.isPending}
        onConfirm={() => acting && onDelete(acting.department)}
        onClose={() => setActing(null)}
      />
    </Paper>
  );
}
