import type { Role, RolePermissions } from '@guanxi/contract';
import { Button, Group, Modal, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Notice } from '../../components/Notice';
import { requiredLabelProps } from '../../components/required-label';
import { useFormState } from '../../lib/form-state';
import { notifySuccess } from '../../lib/notify';
import { errorCode, fieldErrorsOf } from '../../lib/problem';
import { useSaveRole } from './api';
import { FieldAccessMatrix } from './FieldAccessMatrix';
import { PermissionMatrix } from './PermissionMatrix';
import { useRoleName } from './role-name';
import { newRolePermissions } from './role-permissions';

type RoleEditorProps = {
  /** The role to edit; null to create one. */
  role: Role | null;
  onClose: () => void;
};

/** Create or edit a role: its name, the permission matrix and workspace administration. */
export function RoleEditor({ role, onClose }: RoleEditorProps) {
  const { t } = useTranslation();
  const roleName = useRoleName();
  const save = useSaveRole();
  const form = useFormState<{ name: string; permissions: RolePermissions }>(() => ({
    name: role ? roleName(role) : '',
    permissions: role?.permissions ?? newRolePermissions(),
  }));
  const readOnly = role?.builtinKey === 'admin';
  const builtin = role?.builtinKey != null;
  const fieldErrors = Object.entries(form.errors).filter(([path]) => path !== 'name');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const name = form.values.name.trim();
    if (!name) {
      form.setErrors({ name: t('common.requiredField', { field: t('roles.name') }) });
      return;
    }
    const { permissions } = form.values;
    save.mutate(
      // A built-in role keeps its name: it is shown translated, not as stored.
      role
        ? { id: role.id, body: builtin ? { permissions } : { name, permissions } }
        : { body: { name, permissions } },
      {
        onSuccess: () => {
          notifySuccess(role ? t('roles.saved') : t('roles.created'));
          onClose();
        },
        onError: (error) => form.setErrors(fieldErrorsOf(t, error)),
      },
    );
  };

  const title = readOnly ? t('roles.view') : role ? t('roles.edit') : t('roles.new');
  return (
    <Modal opened onClose={onClose} title={title} size="xl" centered>
      <form onSubmit={submit} noValidate>
        <Stack>
          {readOnly && (
            <Notice color="gray" icon={<IconLock size={18} />} heading={t('roles.adminReadOnly')} />
          )}
          {save.isError && errorCode(save.error) !== 'validation_failed' && (
            <ErrorAlert error={save.error} />
          )}
          <TextInput
            label={t('roles.name')}
            labelProps={requiredLabelProps}
            {...form.text('name')}
            disabled={builtin}
            data-autofocus
          />
          <Title order={4} size="h5">
            {t('roles.permissions')}
          </Title>
          <PermissionMatrix
            value={form.values.permissions}
            onChange={(permissions) => form.setField('permissions', permissions)}
            disabled={readOnly}
          />
          <Title order={4} size="h5">
            {t('roles.fieldAccess')}
          </Title>
          <Text size="xs" c="dimmed" mt={-8}>
            {t('roles.fieldAccessHint')}
          </Text>
          <FieldAccessMatrix
            value={form.values.permissions}
            onChange={(permissions) => form.setField('permissions', permissions)}
            disabled={readOnly}
          />
          <Switch
            label={t('roles.manageWorkspace')}
            description={t('roles.manageWorkspaceHint')}
            checked={form.values.permissions.manageWorkspace}
            onChange={(e) =>
              form.setField('permissions', {
                ...form.values.permissions,
                manageWorkspace: e.currentTarget.checked,
              })
            }
            disabled={readOnly}
          />
          {fieldErrors.length > 0 && (
            <ErrorAlert error={save.error} message={fieldErrors.map(([, m]) => m).join(' ')} />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {readOnly ? t('common.close') : t('common.cancel')}
            </Button>
            {!readOnly && (
              <Button type="submit" loading={save.isPending}>
                {t('common.save')}
              </Button>
            )}
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
