import type { Account, CreateAccountInput, UpdateAccountInput } from '@guanxi/contract';
import { useQuery } from '@tanstack/react-query';
import { createResourceApi } from '../../lib/resource-api';

/** Accounts: query keys, client and hooks. Contacts show account names, so they refresh too. */
export const accountsApi = createResourceApi<Account, CreateAccountInput, UpdateAccountInput>(
  'accounts',
  { alsoInvalidate: ['contacts'] },
);

export const accountKeys = {
  ...accountsApi.keys,
  options: (q: string) => ['accounts', 'options', q] as const,
};

/** A short list of accounts matching `q`, for pickers and quick search. */
export const useAccountOptions = (q: string, enabled = true) =>
  useQuery({
    queryKey: accountKeys.options(q),
    queryFn: ({ signal }) =>
      accountsApi.client.list({ q: q || undefined, sort: 'name', limit: 20 }, null, signal),
    select: (page) => page.data,
    enabled,
    staleTime: 10_000,
  });
