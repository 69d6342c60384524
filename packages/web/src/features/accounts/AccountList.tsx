import type { Account } from '@guanxi/contract';
import { Button, EmptyState, Group, Paper, Text } from '@mantine/core';
import { IconBuildingSkyscraper, IconPlus, IconTrash } from '@tabler/icons-react';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { TableSkeleton } from '../../components/TableSkeleton';
import { buildFilter, parseSort, toggleSort } from '../../lib/list-query';
import { notifyError, notifySuccess } from '../../lib/notify';
import { usePermissions } from '../auth/session';
import { AccountFilters } from './AccountFilters';
import { AccountFormModal } from './AccountFormModal';
import { AccountTable } from './AccountTable';
import { accountsApi } from './api';
import type { AccountSearch } from './search';

const route = getRouteApi('/_app/accounts');

/** The accounts page: search, filters, sortable table, trash view, "Load more". */
export function AccountList() {
  const { t } = useTranslation();
  const search = route.useSearch();
  const navigate = useNavigate();
  const { can } = usePermissions();
  const [creating, setCreating] = useState(false);
  const restore = accountsApi.useRestore();

  const eq = (value: string | undefined) => (value ? { eq: value } : undefined);
  const query = accountsApi.useList({
    q: search.q,
    sort: search.sort,
    deleted: search.trash,
    filter: buildFilter({
      industry: eq(search.industry),
      tier: eq(search.tier),
      status: eq(search.status),
      ownerId: eq(search.owner),
    }),
  });
  const rows = query.data?.pages.flatMap((page) => page.data) ?? [];
  const filtered = Boolean(
    search.q || search.industry || search.tier || search.status || search.owner,
  );

  const update = (patch: Partial<AccountSearch>) =>
    navigate({ to: '/accounts', search: { ...search, ...patch }, replace: true });

  const onRestore = (account: Account) =>
    restore.mutate(account.id, {
      onSuccess: () => notifySuccess(t('accounts.restored')),
      onError: (error) => notifyError(t, error),
    });

  const newButton = can('account', 'create') && (
    <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
      {t('accounts.new')}
    </Button>
  );

  let content: ReactNode;
  if (query.isPending) content = <TableSkeleton />;
  else if (query.isError)
    content = <ErrorAlert error={query.error} onRetry={() => query.refetch()} />;
  else if (rows.length === 0) {
    const [title, description] = search.trash
      ? [t('accounts.trashEmptyTitle'), t('accounts.trashEmptyDescription')]
      : filtered
        ? [t('accounts.noMatchTitle'), t('accounts.noMatchDescription')]
        : [t('accounts.emptyTitle'), t('accounts.emptyDescription')];
    content = (
      <EmptyState
        py="xl"
        title={title}
        description={description}
        withIndicatorBackground
        icon={search.trash ? <IconTrash size={28} /> : <IconBuildingSkyscraper size={28} />}
      >
        {!search.trash && !filtered && newButton && (
          <EmptyState.Actions>{newButton}</EmptyState.Actions>
        )}
      </EmptyState>
    );
  } else {
    content = (
      <>
        <AccountTable
          rows={rows}
          sort={parseSort(search.sort)}
          onSort={(field) => update({ sort: toggleSort(search.sort, field) })}
          onRestore={search.trash ? onRestore : undefined}
          restoringId={restore.isPending ? restore.variables : null}
        />
        <Group justify="space-between" mt="md">
          <Text size="sm" c="dimmed" aria-live="polite">
            {t('common.showing', { count: rows.length })}
          </Text>
          {query.hasNextPage && (
            <Button
              variant="default"
              onClick={() => query.fetchNextPage()}
              loading={query.isFetchingNextPage}
            >
              {t('common.loadMore')}
            </Button>
          )}
        </Group>
      </>
    );
  }

  return (
    <>
      <PageHeader
        title={search.trash ? `${t('accounts.title')} · ${t('common.trash')}` : t('accounts.title')}
        subtitle={t('accounts.subtitle')}
        actions={newButton}
      />
      <AccountFilters search={search} onChange={update} />
      <Paper withBorder radius="md" p="md">
        {content}
      </Paper>
      <AccountFormModal
        opened={creating}
        onClose={() => setCreating(false)}
        onSaved={(account) =>
          navigate({ to: '/accounts/$accountId', params: { accountId: account.id } })
        }
      />
    </>
  );
}
