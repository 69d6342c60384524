import { TextInput } from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { InlineCreateForm } from '../../components/InlineCreateForm';
import { requiredLabelProps } from '../../components/required-label';
import { useFormState } from '../../lib/form-state';
import { fieldErrorsOf } from '../../lib/problem';
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
    <InlineCreateForm onSubmit={submit} mutation={create} submitLabel={t('settings.newApiKey')}>
      <TextInput
        label={t('settings.apiKeyName')}
        labelProps={requiredLabelProps}
        placeholder={t('settings.apiKeyNamePlaceholder')}
        {...form.text('name')}
        style={{ flex: '1 1 260px' }}
      />
    </InlineCreateForm>
  );
}
