import { ACCOUNT_INDUSTRIES, LEAD_SOURCES, type Lead, LIFECYCLE_STAGES } from '@guanxi/contract';
import { Select, SimpleGrid, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEnumLabels } from '../../i18n/enums';
import { NameInput, NotesInput } from '../../records/RecordFormFields';
import { RecordFormShell } from '../../records/RecordFormShell';
import type { RecordFormProps } from '../../records/record-type';
import { useRecordForm } from '../../records/use-record-form';
import { type PhoneRow, phoneRowErrors } from '../contacts/form-values';
import { PhonesInput } from '../contacts/PhonesInput';
import { OwnerSelect } from '../settings/OwnerSelect';
import { leadsApi } from './api';
import { type LeadFormValues, leadToValues, valuesToInput } from './form-values';

/** Create and edit form for a lead; its status changes on the lead's page. */
export function LeadForm({ record: lead, onSaved, onCancel }: RecordFormProps<Lead>) {
  const { t } = useTranslation();
  const { options } = useEnumLabels();
  const [sentPhones, setSentPhones] = useState<PhoneRow[]>([]);
  const form = useRecordForm({
    api: leadsApi,
    object: 'lead',
    messages: 'leads',
    record: lead,
    toValues: leadToValues,
    toInput: valuesToInput,
    onSaved,
    onSend: (values) => setSentPhones(values.phones.filter((p) => p.number.trim() !== '')),
  });
  const { values, setField, errors, text, visible, editable } = form;
  const choice = <K extends 'industry' | 'source'>(key: K) => ({
    value: values[key],
    onChange: (value: string | null) => setField(key, value as LeadFormValues[K]),
    error: errors[key],
    clearable: true,
    label: t(`leads.fields.${key}`),
    disabled: !editable(key),
  });

  return (
    <RecordFormShell form={form} onCancel={onCancel}>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NameInput label={t('leads.fields.name')} {...text('name')} />
        <TextInput label={t('leads.fields.company')} {...text('company')} />
        {visible('title') && <TextInput label={t('leads.fields.title')} {...text('title')} />}
        {visible('email') && (
          <TextInput label={t('leads.fields.email')} type="email" {...text('email')} />
        )}
        {visible('wechat') && <TextInput label={t('leads.fields.wechat')} {...text('wechat')} />}
        {visible('industry') && (
          <Select
            {...choice('industry')}
            data={options('industry', ACCOUNT_INDUSTRIES)}
            searchable
          />
        )}
        {visible('source') && (
          <Select {...choice('source')} data={options('source', LEAD_SOURCES)} />
        )}
        {visible('campaign') && (
          <TextInput label={t('leads.fields.campaign')} {...text('campaign')} />
        )}
        {visible('region') && <TextInput label={t('leads.fields.region')} {...text('region')} />}
        {visible('lifecycleStage') && (
          <Select
            label={t('leads.fields.lifecycleStage')}
            data={options('lifecycleStage', LIFECYCLE_STAGES)}
            value={values.lifecycleStage}
            onChange={(value) =>
              value && setField('lifecycleStage', value as Lead['lifecycleStage'])
            }
            error={errors.lifecycleStage}
            allowDeselect={false}
            disabled={!editable('lifecycleStage')}
          />
        )}
        <OwnerSelect
          label={t('leads.fields.ownerId')}
          value={values.ownerId}
          onChange={(value) => value && setField('ownerId', value)}
          error={errors.ownerId}
        />
      </SimpleGrid>
      {visible('phones') && (
        <PhonesInput
          value={values.phones}
          onChange={(phones) => setField('phones', phones)}
          rowErrors={phoneRowErrors(errors, sentPhones)}
          error={errors.phones}
          disabled={!editable('phones')}
        />
      )}
      {visible('notes') && <NotesInput label={t('leads.fields.notes')} {...text('notes')} />}
    </RecordFormShell>
  );
}
