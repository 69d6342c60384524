import {
  ACCOUNT_INDUSTRIES,
  ACCOUNT_SIZES,
  ACCOUNT_SOURCES,
  ACCOUNT_STATUSES,
  ACCOUNT_TIERS,
  type Account,
  type CreateAccountInput,
} from '@guanxi/contract';
import {
  Button,
  Group,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Textarea,
  TextInput,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConcurrencyAlert } from '../../components/ConcurrencyAlert';
import { ErrorAlert } from '../../components/ErrorAlert';
import { RevealOnMount } from '../../components/RevealOnMount';
import { requiredLabelProps } from '../../components/required-label';
import { useEnumLabels } from '../../i18n/enums';
import { changedFields, useFormState } from '../../lib/form-state';
import { mergeEdits } from '../../lib/merge-edits';
import { useRecordSave } from '../../lib/use-record-save';
import { useSession } from '../auth/session';
import { OwnerSelect } from '../settings/OwnerSelect';
import { accountsApi } from './api';
import {
  type AccountFormValues,
  accountToValues,
  valuesToInput,
  withoutEmpty,
} from './form-values';

type AccountFormProps = {
  /** The account to edit; omit to create one. */
  account?: Account;
  onSaved: (account: Account) => void;
  onCancel: () => void;
};

/** Create and edit form for an account. */
export function AccountForm({ account, onSaved, onCancel }: AccountFormProps) {
  const { t } = useTranslation();
  const me = useSession();
  const { options } = useEnumLabels();
  const [original, setOriginal] = useState(() => accountToValues(account, me.user.id));
  const form = useFormState<AccountFormValues>(original);
  const create = accountsApi.useCreate();
  const update = accountsApi.useUpdate();
  const save = useRecordSave({
    record: account,
    detailKey: accountsApi.keys.detail,
    fetchLatest: (id) => accountsApi.client.get(id),
    setErrors: form.setErrors,
    onReloaded: (latest) => {
      const latestValues = accountToValues(latest, me.user.id);
      form.setValues((edited) => mergeEdits(original, edited, latestValues));
      setOriginal(latestValues);
    },
  });
  const { values, setField, errors, text } = form;
  const saving = create.isPending || update.isPending;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!values.name.trim()) {
      form.setErrors({ name: t('common.requiredField', { field: t('accounts.fields.name') }) });
      return;
    }
    const input = valuesToInput(values);
    const saved = await save.run(() => {
      if (!account) {
        return create.mutateAsync({
          input: withoutEmpty(input) as CreateAccountInput,
          idempotencyKey: save.idempotencyKey,
        });
      }
      const changes = changedFields(valuesToInput(original), input);
      if (Object.keys(changes).length === 0) return Promise.resolve(account);
      return update.mutateAsync({ id: account.id, version: save.baseVersion, input: changes });
    });
    if (saved) onSaved(saved);
  };

  const choice = <K extends 'industry' | 'size' | 'tier' | 'source'>(key: K) => ({
    value: values[key],
    onChange: (value: string | null) => setField(key, value as AccountFormValues[K]),
    error: errors[key],
    clearable: true,
    label: t(`accounts.fields.${key}`),
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {save.stale && (
          <RevealOnMount>
            <ConcurrencyAlert reloading={save.reloading} onReload={save.reloadLatest} />
          </RevealOnMount>
        )}
        {save.error !== null && (
          <RevealOnMount key={String(save.errorCount)}>
            <ErrorAlert error={save.error} />
          </RevealOnMount>
        )}
        <TextInput
          label={t('accounts.fields.name')}
          labelProps={requiredLabelProps}
          data-autofocus
          {...text('name')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            {...choice('industry')}
            data={options('industry', ACCOUNT_INDUSTRIES)}
            searchable
          />
          <Select {...choice('size')} data={options('size', ACCOUNT_SIZES)} />
          <Select {...choice('tier')} data={options('tier', ACCOUNT_TIERS)} />
          <Select
            label={t('accounts.fields.status')}
            data={options('status', ACCOUNT_STATUSES)}
            value={values.status}
            onChange={(value) => value && setField('status', value as Account['status'])}
            error={errors.status}
            allowDeselect={false}
          />
          <Select {...choice('source')} data={options('source', ACCOUNT_SOURCES)} />
          <OwnerSelect
            label={t('accounts.fields.ownerId')}
            value={values.ownerId}
            onChange={(value) => value && setField('ownerId', value)}
            error={errors.ownerId}
          />
          <TextInput label={t('accounts.fields.website')} {...text('website')} />
          <TextInput label={t('accounts.fields.phone')} type="tel" {...text('phone')} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label={t('accounts.fields.country')} {...text('country')} />
          <TextInput label={t('accounts.fields.province')} {...text('province')} />
          <TextInput label={t('accounts.fields.city')} {...text('city')} />
        </SimpleGrid>
        <TextInput label={t('accounts.fields.address')} {...text('address')} />
        <TagsInput
          label={t('accounts.fields.tags')}
          placeholder={t('accounts.tagsPlaceholder')}
          value={values.tags}
          onChange={(tags) => setField('tags', tags)}
          error={errors.tags ?? Object.entries(errors).find(([k]) => k.startsWith('tags.'))?.[1]}
          clearable
        />
        <Textarea
          label={t('accounts.fields.notes')}
          autosize
          minRows={3}
          maxRows={10}
          {...text('notes')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={saving} disabled={save.stale}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
