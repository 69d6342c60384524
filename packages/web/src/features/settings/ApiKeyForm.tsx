import { Button, Group, TextInput } from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { requiredLabelProps } from '../../components/required-label';
import { useFormState } from '../../lib/form-state';
import { errorCode, fieldErrorsOf } from '../../lib/problem';
import { type CreatedApiKey, useCreateApiKey } from './api';

/** Name a new API key; the created key (with its secret) goes to `onCreated`. */
export function ApiKeyForm({ onCreated }: { onCreated: (key: CreatedApiKey) => void }) {
  const { t } = useTranslation();
  const create = useCreateApiKey();
  const form = useFormState({ name: '' });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!form.values.name.trim()) {
      form.setErrors({ name: t('common.requiredField', { field: t('settings.apiKeyName') }) });
      return;
    }
    create.mutate(form.values.name.trim(), {
      onSuccess: (key) => {
        form.setValues({ name: '' });
        onCreated(key);
      },
      onError: (error) => form.setErrors(fieldErrorsOf(t, error)),
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      {create.isError && errorCode(create.error) !== 'validation_failed' && (
        <ErrorAlert error={create.error} />
      )}
      <Group align="flex-start" gap="sm" mt={create.isError ? 'sm' : 0}>
        <TextInput
          label={t('settings.apiKeyName')}
          labelProps={requiredLabelProps}
          placeholder={t('settings.apiKeyNamePlaceholder')}
          {...form.text('name')}
          style={{ flex: '1 1 260px' }}
        />
        <Button type="submit" loading={create.isPending} mt={25}>
          {t('settings.newApiKey')}
        </Button>
      </Group>
    </form>
  );
}
