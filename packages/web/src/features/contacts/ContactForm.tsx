import { ACCOUNT_SOURCES, BUYING_ROLES, type Contact } from '@guanxi/contract';
import { Select, SimpleGrid, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEnumLabels } from '../../i18n/enums';
import { NameInput, NotesInput } from '../../records/RecordFormFields';
import { RecordFormShell } from '../../records/RecordFormShell';
import type { RecordFormProps } from '../../records/record-type';
import { useRecordForm } from '../../records/use-record-form';
import { OwnerSelect } from '../settings/OwnerSelect';
import { AccountPicker } from './AccountPicker';
import { contactsApi } from './api';
import {
  type ContactDefaults,
  contactToValues,
  type PhoneRow,
  phoneRowErrors,
  valuesToInput,
} from './form-values';
import { ManagerPicker, managerError } from './ManagerPicker';
import { PhonesInput } from './PhonesInput';

/** Create and edit form for a contact; `defaults` prefill a new one, e.g. with its account. */
export function ContactForm(props: RecordFormProps<Contact, ContactDefaults>) {
  const { record: contact, defaults, onSaved, onCancel } = props;
  const { t } = useTranslation();
  const { options } = useEnumLabels();
  const [sentPhones, setSentPhones] = useState<PhoneRow[]>([]);
  const form = useRecordForm({
    api: contactsApi,
    object: 'contact',
    messages: 'contacts',
    record: contact,
    toValues: (record: Contact | undefined, ownerId: string) =>
      contactToValues(record, ownerId, defaults),
    toInput: valuesToInput,
    onSaved,
    onSend: (values) => setSentPhones(values.phones.filter((p) => p.number.trim() !== '')),
  });
  const { values, setField, errors, text, visible, editable } = form;

  return (
    <RecordFormShell form={form} onCancel={onCancel}>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NameInput label={t('contacts.fields.name')} {...text('name')} />
        {visible('accountId') && (
          <AccountPicker
            value={values.accountId}
            valueLabel={values.accountName}
            onChange={(id, name) => {
              setField('accountId', id);
              setField('accountName', name);
              // A manager is someone at the same account: another account, another chart.
              if (id !== values.accountId) {
                setField('reportsToId', null);
                setField('reportsToName', null);
              }
            }}
            error={errors.accountId}
            disabled={!editable('accountId')}
          />
        )}
        {visible('reportsToId') && (
          <ManagerPicker
            accountId={values.accountId}
            contactId={contact?.id}
            value={values.reportsToId}
            valueLabel={values.reportsToName}
            onChange={(id, name) => {
              setField('reportsToId', id);
              setField('reportsToName', name);
            }}
            error={errors.reportsToId && (managerError(t, form.save.error) ?? errors.reportsToId)}
            disabled={!editable('reportsToId')}
          />
        )}
        {visible('title') && <TextInput label={t('contacts.fields.title')} {...text('title')} />}
        {visible('department') && (
          <TextInput label={t('contacts.fields.department')} {...text('department')} />
        )}
        {visible('email') && (
          <TextInput label={t('contacts.fields.email')} type="email" {...text('email')} />
        )}
        {visible('wechat') && <TextInput label={t('contacts.fields.wechat')} {...text('wechat')} />}
        {visible('buyingRole') && (
          <Select
            label={t('contacts.fields.buyingRole')}
            data={options('buyingRole', BUYING_ROLES)}
            value={values.buyingRole}
            onChange={(value) => setField('buyingRole', value as Contact['buyingRole'])}
            error={errors.buyingRole}
            clearable
            disabled={!editable('buyingRole')}
          />
        )}
        {visible('source') && (
          <Select
            label={t('contacts.fields.source')}
            data={options('source', ACCOUNT_SOURCES)}
            value={values.source}
            onChange={(value) => setField('source', value as Contact['source'])}
            error={errors.source}
            clearable
            disabled={!editable('source')}
          />
        )}
        {visible('campaign') && (
          <TextInput label={t('contacts.fields.campaign')} {...text('campaign')} />
        )}
        <OwnerSelect
          label={t('contacts.fields.ownerId')}
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
      {visible('notes') && <NotesInput label={t('contacts.fields.notes')} {...text('notes')} />}
    </RecordFormShell>
  );
}
