import { BUYING_ROLES, type Contact, type CreateContactInput } from '@guanxi/contract';
import { Button, Group, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
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
import { withoutEmpty } from '../accounts/form-values';
import { useSession } from '../auth/session';
import { OwnerSelect } from '../settings/OwnerSelect';
import { AccountPicker } from './AccountPicker';
import { contactsApi } from './api';
import {
  type ContactDefaults,
  type ContactFormValues,
  contactToValues,
  type PhoneRow,
  valuesToInput,
} from './form-values';
import { PhonesInput } from './PhonesInput';

type ContactFormProps = {
  contact?: Contact;
  /** Prefills for a new contact, e.g. the account it is added from. */
  defaults?: ContactDefaults;
  onSaved: (contact: Contact) => void;
  onCancel: () => void;
};

/** `phones.2.number` → the row the third sent phone came from. */
const phoneRowErrors = (errors: Record<string, string>, sent: PhoneRow[]) => {
  const rows: Record<string, string> = {};
  for (const [path, message] of Object.entries(errors)) {
    const match = /^phones\.(\d+)/.exec(path);
    const row = match ? sent[Number(match[1])] : undefined;
    if (row) rows[row.key] = message;
  }
  return rows;
};

/** Create and edit form for a contact. */
export function ContactForm({ contact, defaults, onSaved, onCancel }: ContactFormProps) {
  const { t } = useTranslation();
  const me = useSession();
  const { options } = useEnumLabels();
  const [original, setOriginal] = useState(() => contactToValues(contact, me.user.id, defaults));
  const [sentPhones, setSentPhones] = useState<PhoneRow[]>([]);
  const form = useFormState<ContactFormValues>(original);
  const create = contactsApi.useCreate();
  const update = contactsApi.useUpdate();
  const save = useRecordSave({
    record: contact,
    detailKey: contactsApi.keys.detail,
    fetchLatest: (id) => contactsApi.client.get(id),
    setErrors: form.setErrors,
    onReloaded: (latest) => {
      const latestValues = contactToValues(latest, me.user.id);
      form.setValues((edited) => mergeEdits(original, edited, latestValues));
      setOriginal(latestValues);
    },
  });
  const { values, setField, errors, text } = form;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!values.name.trim()) {
      form.setErrors({ name: t('common.requiredField', { field: t('contacts.fields.name') }) });
      return;
    }
    const input = valuesToInput(values);
    setSentPhones(values.phones.filter((p) => p.number.trim() !== ''));
    const saved = await save.run(() => {
      if (!contact) {
        return create.mutateAsync({
          input: withoutEmpty(input) as CreateContactInput,
          idempotencyKey: save.idempotencyKey,
        });
      }
      const changes = changedFields(valuesToInput(original), input);
      if (Object.keys(changes).length === 0) return Promise.resolve(contact);
      return update.mutateAsync({ id: contact.id, version: save.baseVersion, input: changes });
    });
    if (saved) onSaved(saved);
  };

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
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('contacts.fields.name')}
            labelProps={requiredLabelProps}
            data-autofocus
            {...text('name')}
          />
          <AccountPicker
            value={values.accountId}
            valueLabel={values.accountName}
            onChange={(id, name) => {
              setField('accountId', id);
              setField('accountName', name);
            }}
            error={errors.accountId}
          />
          <TextInput label={t('contacts.fields.title')} {...text('title')} />
          <TextInput label={t('contacts.fields.department')} {...text('department')} />
          <TextInput label={t('contacts.fields.email')} type="email" {...text('email')} />
          <TextInput label={t('contacts.fields.wechat')} {...text('wechat')} />
          <Select
            label={t('contacts.fields.buyingRole')}
            data={options('buyingRole', BUYING_ROLES)}
            value={values.buyingRole}
            onChange={(value) => setField('buyingRole', value as Contact['buyingRole'])}
            error={errors.buyingRole}
            clearable
          />
          <OwnerSelect
            label={t('contacts.fields.ownerId')}
            value={values.ownerId}
            onChange={(value) => value && setField('ownerId', value)}
            error={errors.ownerId}
          />
        </SimpleGrid>
        <PhonesInput
          value={values.phones}
          onChange={(phones) => setField('phones', phones)}
          rowErrors={phoneRowErrors(errors, sentPhones)}
          error={errors.phones}
        />
        <Textarea
          label={t('contacts.fields.notes')}
          autosize
          minRows={3}
          maxRows={10}
          {...text('notes')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button
            type="submit"
            loading={create.isPending || update.isPending}
            disabled={save.stale}
          >
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
