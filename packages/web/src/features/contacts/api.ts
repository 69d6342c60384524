import type { Contact, CreateContactInput, UpdateContactInput } from '@guanxi/contract';
import { buildFilter } from '../../lib/list-query';
import { createResourceApi } from '../../lib/resource-api';

/** Contacts: query keys, client and hooks. Accounts count their contacts, so they refresh too. */
export const contactsApi = createResourceApi<Contact, CreateContactInput, UpdateContactInput>(
  'contacts',
  { alsoInvalidate: ['accounts'] },
);

/** The filter that lists the contacts of one account. */
export const accountContactsFilter = (accountId: string) =>
  buildFilter({ accountId: { eq: accountId } });

/** A short list of contacts matching `q`, for quick search. */
export const useContactOptions = (q: string, enabled = true) =>
  contactsApi.useOptions(q, { limit: 10, enabled });
