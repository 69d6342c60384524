import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { requiredLabelProps } from '../../components/required-label';
import { useFormState } from '../../lib/form-state';
import { notifySuccess } from '../../lib/notify';
import { errorCode, fieldErrorsOf } from '../../lib/problem';
import { useCreateDepartment, useUpdateDepartment } from './api';
import type { DepartmentNode } from './department-tree';

export type DepartmentAction = 'add' | 'rename' | 'move';

type DepartmentDialogProps = {
  action: DepartmentAction;
  /** The department acted on; for `add`, the parent of the new one. */
  department: DepartmentNode;
  tree: readonly DepartmentNode[];
  onClose: () => void;
};

/** Add a sub-department, rename a department, or move it under another parent. */
export function DepartmentDialog({ action, department, tree, onClose }: DepartmentDialogProps) {
  const { t } = useTranslation();
  const create = useCreateDepartment();
  const update = useUpdateDepartment();
  const mutation = action === 'add' ? create : update;
  const form = useFormState({
    name: action === 'rename' ? department.name : '',
    parentId: action === 'move' ? department.parentId : department.id,
  });
  const asksName = action !== 'move';
  // The server refuses a move under the department's own subtree and says so on parentId.
  const parentOptions = tree
    .filter((d) => action !== 'move' || d.id !== department.id)
    .map((d) => ({ value: d.id, label: d.path }));

  const done = (message: string) => () => {
    notifySuccess(message);
    onClose();
  };
  const onError = (error: unknown) => {
    form.setErrors(fieldErrorsOf(t, error));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const name = form.values.name.trim();
    if (asksName && !name) {
      form.setErrors({ name: t('common.requiredField', { field: t('departments.name') }) });
      return;
    }
    if (action === 'add') {
      create.mutate(
        { name, parentId: form.values.parentId },
        { onSuccess: done(t('departments.created')), onError },
      );
    } else {
      const body = action === 'rename' ? { name } : { parentId: form.values.parentId };
      update.mutate(
        { id: department.id, body },
        {
          onSuccess: done(action === 'rename' ? t('departments.renamed') : t('departments.moved')),
          onError,
        },
      );
    }
  };

  const titleKey = `departments.${action}Title` as const;
  return (
    <Modal opened onClose={onClose} title={t(titleKey, { name: department.name })} centered>
      <form onSubmit={submit} noValidate>
        <Stack>
          {mutation.isError && errorCode(mutation.error) !== 'validation_failed' && (
            <ErrorAlert error={mutation.error} />
          )}
          {asksName && (
            <TextInput
              label={t('departments.name')}
              labelProps={requiredLabelProps}
              {...form.text('name')}
              data-autofocus
            />
          )}
          {action !== 'rename' && (
            <Select
              label={t('departments.parent')}
              data={parentOptions}
              value={form.values.parentId}
              onChange={(value) => value && form.setField('parentId', value)}
              error={form.errors.parentId}
              allowDeselect={false}
              searchable
              data-autofocus={action === 'move' || undefined}
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
