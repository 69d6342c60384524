import { Badge, Button, Paper, Select, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TableSkeleton } from '../../components/TableSkeleton';
import { useEnumLabels } from '../../i18n/enums';
import { notifyError, notifySuccess } from '../../lib/notify';
import { useSession } from '../auth/session';
import { type UpdateUserBody, useDepartments, useRoles, useUpdateUser, useUsers } from './api';
import { useRoleName } from './role-name';

const NO_DEPARTMENT = '__none__';

/** Users of the workspace; administrators change role and department, or deactivate. */
export function UserList() {
  const { t } = useTranslation();
  const me = useSession();
  const { label } = useEnumLabels();
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

  return (
    <Paper withBorder radius="md" p="md">
      <Table.ScrollContainer minWidth={820}>
        <Table verticalSpacing="sm" aria-label={t('settings.users')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('settings.userColumns.name')}</Table.Th>
              <Table.Th>{t('settings.userColumns.email')}</Table.Th>
              <Table.Th>{t('settings.userColumns.role')}</Table.Th>
              <Table.Th>{t('settings.userColumns.department')}</Table.Th>
              <Table.Th>{t('settings.userColumns.status')}</Table.Th>
              <Table.Th>{t('common.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {users.data.map((user) => {
              const self = user.id === me.user.id;
              const active = user.status === 'active';
              return (
                <Table.Tr key={user.id}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {user.name}{' '}
                      {self && (
                        <Text span c="dimmed" size="sm">
                          {t('settings.you')}
                        </Text>
                      )}
                    </Text>
                  </Table.Td>
                  <Table.Td>{user.email}</Table.Td>
                  <Table.Td>
                    <Select
                      aria-label={t('settings.roleOf', { name: user.name })}
                      data={roleOptions}
                      value={user.roleId}
                      onChange={(roleId) =>
                        roleId && roleId !== user.roleId && save(user.id, { roleId })
                      }
                      allowDeselect={false}
                      disabled={self}
                      size="xs"
                      w={160}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Select
                      aria-label={t('settings.departmentOf', { name: user.name })}
                      data={departmentOptions}
                      value={user.departmentId ?? NO_DEPARTMENT}
                      onChange={(value) => {
                        const departmentId = value === NO_DEPARTMENT ? null : value;
                        if (value && departmentId !== user.departmentId)
                          save(user.id, { departmentId });
                      }}
                      allowDeselect={false}
                      size="xs"
                      w={160}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Badge color={active ? 'green' : 'gray'} variant="light" tt="none">
                      {label('userStatus', user.status)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {!self && (
                      <Button
                        size="xs"
                        variant="light"
                        color={active ? 'red' : 'green'}
                        onClick={() => save(user.id, { status: active ? 'deactivated' : 'active' })}
                        aria-label={`${active ? t('settings.deactivate') : t('settings.reactivate')} ${user.name}`}
                      >
                        {active ? t('settings.deactivate') : t('settings.reactivate')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
