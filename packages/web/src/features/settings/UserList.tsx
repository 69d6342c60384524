import type { User } from '@guanxi/contract';
import { Group, Paper, Select, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type DataColumn, DataTable } from '../../components/DataTable';
import { EnumBadge } from '../../components/EnumBadge';
import { ErrorAlert } from '../../components/ErrorAlert';
import { RowAction } from '../../components/RowAction';
import { TableSkeleton } from '../../components/TableSkeleton';
import { notifyError, notifySuccess } from '../../lib/notify';
import { useSession } from '../auth/session';
import { TransferRecordsAction } from '../pools/TransferRecordsAction';
import { type UpdateUserBody, useDepartments, useRoles, useUpdateUser, useUsers } from './api';
import { useRoleName } from './role-name';

const NO_DEPARTMENT = '__none__';
const STATUS_COLORS = { active: 'green', deactivated: 'gray' };

/** Users of the workspace; administrators change role and department, or deactivate. */
export function UserList() {
  const { t } = useTranslation();
  const me = useSession();
  const roleName = useRoleName();
  const users = useUsers();
  const roles = useRoles();
  const departments = useDepartments();
  const updateUser = useUpdateUser();

  if (users.isPending) return <TableSkeleton />;
  if (users.isError) return <ErrorAlert error={users.error} onRetry={() => users.refetch()} />;

  const roleOptions = (roles.data ?? []).map((r) => ({ value: r.id, label: roleName(r) }));
  const departmentOptions = [
    { value: NO_DEPARTMENT, label: t('settings.noDepartment') },
    ...(departments.data ?? []).map((d) => ({ value: d.id, label: d.name })),
  ];
  const save = (id: string, body: UpdateUserBody) =>
    updateUser.mutate(
      { id, body },
      {
        onSuccess: () => notifySuccess(t('settings.userUpdated')),
        onError: (e) => notifyError(t, e),
      },
    );

  const columns: DataColumn<User>[] = [
    {
      key: 'name',
      header: t('settings.userColumns.name'),
      cell: (user) => (
        <Text size="sm" fw={500}>
          {user.name}{' '}
          {user.id === me.user.id && (
            <Text span c="dimmed" size="sm">
              {t('settings.you')}
            </Text>
          )}
        </Text>
      ),
    },
    { key: 'email', header: t('settings.userColumns.email'), cell: (user) => user.email },
    {
      key: 'role',
      header: t('settings.userColumns.role'),
      cell: (user) => (
        <Select
          aria-label={t('settings.roleOf', { name: user.name })}
          data={roleOptions}
          value={user.roleId}
          onChange={(roleId) => roleId && roleId !== user.roleId && save(user.id, { roleId })}
          allowDeselect={false}
          disabled={user.id === me.user.id}
          size="xs"
          w={160}
        />
      ),
    },
    {
      key: 'department',
      header: t('settings.userColumns.department'),
      cell: (user) => (
        <Select
          aria-label={t('settings.departmentOf', { name: user.name })}
          data={departmentOptions}
          value={user.departmentId ?? NO_DEPARTMENT}
          onChange={(value) => {
            const departmentId = value === NO_DEPARTMENT ? null : value;
            if (value && departmentId !== user.departmentId) save(user.id, { departmentId });
          }}
          allowDeselect={false}
          size="xs"
          w={160}
        />
      ),
    },
    {
      key: 'status',
      header: t('settings.userColumns.status'),
      cell: (user) => (
        <EnumBadge kind="userStatus" value={user.status} colors={STATUS_COLORS} variant="light" />
      ),
    },
    {
      key: 'actions',
      header: t('common.actions'),
      cell: (user) => {
        const active = user.status === 'active';
        return (
          user.id !== me.user.id && (
            <Group gap="xs" wrap="nowrap">
              <RowAction
                label={active ? t('settings.deactivate') : t('settings.reactivate')}
                rowName={user.name}
                color={active ? 'red' : 'green'}
                onClick={() => save(user.id, { status: active ? 'deactivated' : 'active' })}
              />
              <TransferRecordsAction user={user} />
            </Group>
          )
        );
      },
    },
  ];

  return (
    <Paper withBorder radius="md" p="md">
      <DataTable label={t('settings.users')} rows={users.data} columns={columns} minWidth={820} />
    </Paper>
  );
}
