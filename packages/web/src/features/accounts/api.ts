import type { Account, CreateAccountInput, UpdateAccountInput } from '@guanxi/contract';
import { createResourceApi } from '../../lib/resource-api';

/** Accounts: query keys, client and hooks. Contacts show account names, so they refresh too. */
export const accountsApi = createResourceApi<Account, CreateAccountInput, UpdateAccountInput>(
  'accounts',
  { alsoInvalidate: ['contacts'] },
);

/** A short list of accounts matching `q`, for pickers and quick search. */
export const useAccountOptions = (q: string, enabled = true) =>
  accountsApi.useOptions(q, { limit: 20, enabled });
