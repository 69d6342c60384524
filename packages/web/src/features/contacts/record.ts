import { BUYING_ROLES, type Contact } from '@guanxi/contract';
import { IconUsers } from '@tabler/icons-react';
import { defineRecordType } from '../../records/record-type';
import { enumFilter, ownerFilter } from '../../records/search';
import { contactsApi, useContactOptions } from './api';
import { ContactForm } from './ContactForm';
import type { ContactDefaults } from './form-values';

type Phone = { label?: unknown; number?: unknown };

/** Contacts as a record type: what the shared list, detail, form and routes need. */
export const contactRecord = defineRecordType<Contact, ContactDefaults>()({
  object: 'contact',
  messages: 'contacts',
  api: contactsApi,
  listPath: '/contacts',
  icon: IconUsers,
  filters: [enumFilter('buyingRole', BUYING_ROLES, { width: 160 }), ownerFilter],
  Form: ContactForm,
  history: {
    enumFields: { buyingRole: 'buyingRole', source: 'source' },
    fields: {
      phones: (value, { label }) =>
        Array.isArray(value)
          ? value
              .map(
                (p: Phone) =>
                  `${label('phoneLabel', String(p.label ?? ''))} ${String(p.number ?? '')}`,
              )
              .join(', ')
          : undefined,
    },
  },
});

export type ContactSearch = ReturnType<typeof contactRecord.validateSearch>;

/** Merging two contacts: the search to pick the other one and the fields to choose between. */
export const contactMerge = {
  recordType: contactRecord,
  useOptions: (q: string, enabled: boolean) => useContactOptions(q, enabled),
  fields: [
    'name',
    'title',
    'department',
    'email',
    'phones',
    'wechat',
    'buyingRole',
    'source',
    'campaign',
    'accountId',
    'reportsToId',
    'ownerId',
    'notes',
  ],
  display: {
    accountId: (contact: Contact) => contact.accountName,
    reportsToId: (contact: Contact) => contact.reportsToName,
  },
} as const;
