import {
  ACCOUNT_INDUSTRIES,
  ACCOUNT_SIZES,
  ACCOUNT_SOURCES,
  ACCOUNT_STATUSES,
  ACCOUNT_TIERS,
  type Account,
} from '@guanxi/contract';
import { Select, SimpleGrid, TagsInput, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useEnumLabels } from '../../i18n/enums';
import { NameInput, NotesInput } from '../../records/RecordFormFields';
import { RecordFormShell } from '../../records/RecordFormShell';
import type { RecordFormProps } from '../../records/record-type';
import { useRecordForm } from '../../records/use-record-form';
import { OwnerSelect } from '../settings/OwnerSelect';
import { accountsApi } from './api';
import { type AccountFormValues, accountToValues, valuesToInput } from './form-values';

/** Create and edit form for an account. */
export function AccountForm({ record: account, onSaved, onCancel }: RecordFormProps<Account>) {
  const { t } = useTranslation();
  const { options } = useEnumLabels();
  const form = useRecordForm({
    api: accountsApi,
    object: 'account',
    messages: 'accounts',
    record: account,
    toValues: accountToValues,
    toInput: valuesToInput,
    onSaved,
  });
  const { values, setField, errors, text, visible, editable } = form;

  const choice = <K extends 'industry' | 'size' | 'tier' | 'source'>(key: K) => ({
    value: values[key],
    onChange: (value: string | null) => setField(key, value as AccountFormValues[K]),
    error: errors[key],
    clearable: true,
    label: t(`accounts.fields.${key}`),
    disabled: !editable(key),
  });

  return (
    <RecordFormShell form={form} onCancel={onCancel}>
      <NameInput label={t('accounts.fields.name')} {...text('name')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {visible('industry') && (
          <Select
            {...choice('industry')}
            data={options('industry', ACCOUNT_INDUSTRIES)}
            searchable
          />
        )}
        {visible('size') && <Select {...choice('size')} data={options('size', ACCOUNT_SIZES)} />}
        {visible('tier') && <Select {...choice('tier')} data={options('tier', ACCOUNT_TIERS)} />}
        {visible('status') && (
          <Select
            label={t('accounts.fields.status')}
            data={options('status', ACCOUNT_STATUSES)}
            value={values.status}
            onChange={(value) => value && setField('status', value as Account['status'])}
            error={errors.status}
            allowDeselect={false}
            disabled={!editable('status')}
          />
        )}
        {visible('source') && (
          <Select {...choice('source')} data={options('source', ACCOUNT_SOURCES)} />
        )}
        {visible('campaign') && (
          <TextInput label={t('accounts.fields.campaign')} {...text('campaign')} />
        )}
        <OwnerSelect
          label={t('accounts.fields.ownerId')}
          value={values.ownerId}
          onChange={(value) => value && setField('ownerId', value)}
          error={errors.ownerId}
          placeholder={t('pools.inPool')}
        />
        {visible('website') && (
          <TextInput label={t('accounts.fields.website')} {...text('website')} />
        )}
        {visible('phone') && (
          <TextInput label={t('accounts.fields.phone')} type="tel" {...text('phone')} />
        )}
        {visible('creditCode') && (
          <TextInput
            label={t('accounts.fields.creditCode')}
            maxLength={22}
            {...text('creditCode')}
          />
        )}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        {visible('country') && (
          <TextInput label={t('accounts.fields.country')} {...text('country')} />
        )}
        {visible('province') && (
          <TextInput label={t('accounts.fields.province')} {...text('province')} />
        )}
        {visible('city') && <TextInput label={t('accounts.fields.city')} {...text('city')} />}
      </SimpleGrid>
      {visible('address') && (
        <TextInput label={t('accounts.fields.address')} {...text('address')} />
      )}
      {visible('tags') && (
        <TagsInput
          label={t('accounts.fields.tags')}
          placeholder={t('accounts.tagsPlaceholder')}
          value={values.tags}
          onChange={(tags) => setField('tags', tags)}
          error={errors.tags ?? Object.entries(errors).find(([k]) => k.startsWith('tags.'))?.[1]}
          clearable
          disabled={!editable('tags')}
        />
      )}
      {visible('notes') && <NotesInput label={t('accounts.fields.notes')} {...text('notes')} />}
    </RecordFormShell>
  );
}
