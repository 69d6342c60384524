import type { Contact, CreateContactInput, UpdateContactInput } from '@guanxi/contract';
import { useQuery } from '@tanstack/react-query';
import { buildFilter } from '../../lib/list-query';
import { createResourceApi } from '../../lib/resource-api';

/** Contacts: query keys, client and hooks. Accounts count their contacts, so they refresh too. */
export const contactsApi = createResourceApi<Contact, CreateContactInput, UpdateContactInput>(
  'contacts',
  { alsoInvalidate: ['accounts'] },
);

export const contactKeys = {
  ...contactsApi.keys,
  options: (q: string) => ['contacts', 'options', q] as const,
};

/** The filter that lists the contacts of one account. */
export const accountContactsFilter = (accountId: string) =>
  buildFilter({ accountId: { eq: accountId } });

/** A short list of contacts matching `q`, for quick search. */
export const useContactOptions = (q: string, enabled = true) =>
  useQuery({
    queryKey: contactKeys.options(q),
    queryFn: ({ signal }) =>
      contactsApi.client.list({ q: q || undefined, sort: 'name', limit: 10 }, null, signal),
    select: (page) => page.data,
    enabled,
    staleTime: 10_000,
  });
