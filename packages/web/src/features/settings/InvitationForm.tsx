import { Select, TextInput } from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { InlineCreateForm } from '../../components/InlineCreateForm';
import { requiredLabelProps } from '../../components/required-label';
import { useFormState } from '../../lib/form-state';
import { fieldErrorsOf } from '../../lib/problem';
import { type CreatedInvitation, useCreateInvitation, useDepartments, useRoles } from './api';
import { useRoleName } from './role-name';

type InvitationFormProps = { onCreated: (invitation: CreatedInvitation) => void };

/** Invite someone by email with a role (and department). */
export function InvitationForm({ onCreated }: InvitationFormProps) {
  const { t } = useTranslation();
  const roleName = useRoleName();
  const roles = useRoles();
  const departments = useDepartments();
  const create = useCreateInvitation();
  const form = useFormState<{ email: string; roleId: string | null; departmentId: string | null }>({
    email: '',
    roleId: null,
    departmentId: null,
  });
  const defaultRole = roles.data?.find((r) => r.builtinKey === 'sales_rep') ?? roles.data?.[0];
  const roleId = form.values.roleId ?? defaultRole?.id ?? null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!form.values.email.trim()) {
      form.setErrors({ email: t('common.requiredField', { field: t('settings.email') }) });
      return;
    }
    if (!roleId) return;
    create.mutate(
      { email: form.values.email.trim(), roleId, departmentId: form.values.departmentId },
      {
        onSuccess: (invitation) => {
          form.setValues({ email: '', roleId: null, departmentId: null });
          onCreated(invitation);
        },
        onError: (error) => form.setErrors(fieldErrorsOf(t, error)),
      },
    );
  };

  return (
    <InlineCreateForm onSubmit={submit} mutation={create} submitLabel={t('settings.sendInvite')}>
      <TextInput
        label={t('settings.email')}
        labelProps={requiredLabelProps}
        type="email"
        {...form.text('email')}
        style={{ flex: '1 1 240px' }}
      />
      <Select
        label={t('settings.role')}
        data={(roles.data ?? []).map((r) => ({ value: r.id, label: roleName(r) }))}
        value={roleId}
        onChange={(value) => form.setField('roleId', value)}
        error={form.errors.roleId}
        allowDeselect={false}
        w={180}
      />
      <Select
        label={t('settings.department')}
        placeholder={t('settings.noDepartment')}
        data={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
        value={form.values.departmentId}
        onChange={(value) => form.setField('departmentId', value)}
        error={form.errors.departmentId}
        clearable
        w={180}
      />
    </InlineCreateForm>
  );
}
