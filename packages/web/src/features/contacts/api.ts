import type { Contact, CreateContactInput, UpdateContactInput } from '@guanxi/contract';
import { useQuery } from '@tanstack/react-query';
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

/** Most contacts one account's org chart and the manager picker work with. */
export const ACCOUNT_CONTACTS_LIMIT = 200;

/** Every contact of one account (up to 200), by name; nothing while no account is chosen. */
export const useAccountContacts = (accountId: string | null) =>
  useQuery({
    queryKey: [...contactsApi.keys.lists(), 'at-account', accountId] as const,
    queryFn: ({ signal }) =>
      contactsApi.client
        .list(
          {
            filter: accountContactsFilter(accountId ?? ''),
            sort: 'name',
            limit: ACCOUNT_CONTACTS_LIMIT,
          },
          null,
          signal,
        )
        .then((page) => page.data),
    enabled: accountId !== null,
    staleTime: 10_000,
  });
