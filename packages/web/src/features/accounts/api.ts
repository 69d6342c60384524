import type {
  Account,
  AccountOverview,
  CreateAccountInput,
  UpdateAccountInput,
} from '@guanxi/contract';
import { type QueryClient, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { api } from '../../lib/api-client';
import { createResourceApi } from '../../lib/resource-api';
// The leaf api modules, not the features' index: those import forms that import this file.
import { activitiesApi, linkFilter } from '../activities/api';
import { tasksApi } from '../tasks/api';

/** Accounts: query keys, client and hooks. Contacts show account names, so they refresh too. */
export const accountsApi = createResourceApi<Account, CreateAccountInput, UpdateAccountInput>(
  'accounts',
  { alsoInvalidate: ['contacts'] },
);

/** A short list of accounts matching `q`, for pickers and quick search. */
export const useAccountOptions = (q: string, enabled = true) =>
  accountsApi.useOptions(q, { limit: 20, enabled });

/** Under `accounts`: whatever refreshes accounts (a contact saved, an activity logged) refreshes it. */
const overviewKey = (id: string) => [...accountsApi.keys.all, 'overview', id] as const;

/**
 * The panels of the page ask the API what the overview already answered (the same filter, sort
 * and page size as ActivityTimeline and TaskPanel). Fill their caches when the overview holds
 * the whole answer, so the page loads with one request; a longer timeline or task list loads
 * itself (the overview has no cursor for the next page). A cache already there is left alone:
 * it may hold more pages, and its own hooks keep it current.
 */
function fillPanels(queryClient: QueryClient, overview: AccountOverview) {
  const { account } = overview;
  queryClient.setQueryData(accountsApi.keys.detail(account.id), account);
  const fill = (key: readonly unknown[], rows: unknown[] | null, pageSize: number) => {
    if (rows === null || rows.length >= pageSize || queryClient.getQueryData(key)) return;
    queryClient.setQueryData(key, {
      pages: [{ data: rows, nextCursor: null }],
      pageParams: [null],
    });
  };
  const link = { accountId: account.id };
  fill(
    activitiesApi.keys.list({ filter: linkFilter(link), sort: '-occurredAt', limit: 20 }),
    overview.activities,
    20,
  );
  fill(
    tasksApi.keys.list({
      filter: linkFilter(link, { status: { eq: 'open' } }),
      sort: 'dueAt,dueDate',
      limit: 50,
    }),
    overview.openTasks,
    50,
  );
}

/**
 * The customer 360 of one account in one request. Anything saved while the page is open (a
 * task completed, an activity logged, a deal won, the account edited) changes its figures, so
 * every successful change refreshes it.
 */
export function useAccountOverview(id: string) {
  const queryClient = useQueryClient();
  useEffect(
    () =>
      queryClient.getMutationCache().subscribe((event) => {
        if (event.type === 'updated' && event.action.type === 'success') {
          void queryClient.invalidateQueries({ queryKey: overviewKey(id) });
        }
      }),
    [queryClient, id],
  );
  return useQuery({
    queryKey: overviewKey(id),
    // Deals, tasks and activities change on other pages too: coming back shows what is cached
    // at once and asks again.
    staleTime: 0,
    queryFn: async ({ signal }) => {
      const overview = await api.get<AccountOverview>(`/accounts/${id}/overview`, { signal });
      fillPanels(queryClient, overview);
      return overview;
    },
  });
}
