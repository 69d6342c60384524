import type { Role } from '@guanxi/contract';
import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type DataColumn, DataTable } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { RowAction } from '../../components/RowAction';
import { TableSkeleton } from '../../components/TableSkeleton';
import { useRoles, useUsers } from './api';
import { RoleEditor } from './RoleEditor';
import { useRoleName } from './role-name';
import { usePermissionSummary } from './role-permissions';

/** The workspace's roles with what each grants; create a role or open one in the editor. */
export function RoleList() {
  const { t } = useTranslation();
  const roleName = useRoleName();
  const summary = usePermissionSummary();
  const roles = useRoles();
  const users = useUsers();
  // undefined: editor closed; null: creating a new role.
  const [editing, setEditing] = useState<Role | null | undefined>(undefined);

  if (roles.isPending) return <TableSkeleton />;
  if (roles.isError) return <ErrorAlert error={roles.error} onRetry={() => roles.refetch()} />;

  const userCount = (role: Role) =>
    users.data?.filter((u) => u.roleId === role.id && u.status === 'active').length;
  const columns: DataColumn<Role>[] = [
    {
      key: 'name',
      header: t('roles.columns.name'),
      cell: (role) => (
        <Text size="sm" fw={500}>
          {roleName(role)}
        </Text>
      ),
    },
    {
      key: 'type',
      header: t('roles.columns.type'),
      cell: (role) => (
        <Badge variant="light" color={role.builtinKey ? 'blue' : 'gray'} tt="none">
          {role.builtinKey ? t('roles.builtin') : t('roles.custom')}
        </Badge>
      ),
    },
    {
      key: 'access',
      header: t('roles.columns.access'),
      cell: (role) => (
        <Text size="sm" c="dimmed">
          {summary(role.permissions)}
        </Text>
      ),
    },
    { key: 'users', header: t('roles.columns.users'), cell: (role) => userCount(role) ?? '' },
    {
      key: 'actions',
      header: t('common.actions'),
      cell: (role) => (
        <RowAction
          label={role.builtinKey === 'admin' ? t('roles.viewAction') : t('common.edit')}
          rowName={roleName(role)}
          onClick={() => setEditing(role)}
        />
      ),
    },
  ];

  return (
    <Paper withBorder radius="md" p="md">
      <Stack>
        <Group justify="space-between" align="flex-start">
          <Text size="sm" c="dimmed" maw={640}>
            {t('roles.description')}
          </Text>
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing(null)}>
            {t('roles.new')}
          </Button>
        </Group>
        <DataTable label={t('roles.title')} rows={roles.data} columns={columns} minWidth={760} />
      </Stack>
      {editing !== undefined && (
        <RoleEditor
          key={editing?.id ?? 'new'}
          role={editing}
          onClose={() => setEditing(undefined)}
        />
      )}
    </Paper>
  );
}
