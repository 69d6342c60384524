import type { Contact } from '@guanxi/contract';
import { Button, EmptyState, Group, Paper, Text } from '@mantine/core';
import { IconPlus, IconTrash, IconUsers } from '@tabler/icons-react';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { TableSkeleton } from '../../components/TableSkeleton';
import { buildFilter, parseSort, toggleSort } from '../../lib/list-query';
import { notifyError, notifySuccess } from '../../lib/notify';
import { usePermissions } from '../auth/session';
import { contactsApi } from './api';
import { ContactFilters } from './ContactFilters';
import { ContactFormModal } from './ContactFormModal';
import { ContactTable } from './ContactTable';
import type { ContactSearch } from './search';

const route = getRouteApi('/_app/contacts');

/** The contacts page: search, filters, sortable table, trash view, "Load more". */
export function ContactList() {
  const { t } = useTranslation();
  const search = route.useSearch();
  const navigate = useNavigate();
  const { can } = usePermissions();
  const [creating, setCreating] = useState(false);
  const restore = contactsApi.useRestore();

  const eq = (value: string | undefined) => (value ? { eq: value } : undefined);
  const query = contactsApi.useList({
    q: search.q,
    sort: search.sort,
    deleted: search.trash,
    filter: buildFilter({ buyingRole: eq(search.buyingRole), ownerId: eq(search.owner) }),
  });
  const rows = query.data?.pages.flatMap((page) => page.data) ?? [];
  const filtered = Boolean(search.q || search.buyingRole || search.owner);

  const update = (patch: Partial<ContactSearch>) =>
    navigate({ to: '/contacts', search: { ...search, ...patch }, replace: true });

  const onRestore = (contact: Contact) =>
    restore.mutate(contact.id, {
      onSuccess: () => notifySuccess(t('contacts.restored')),
      onError: (error) => notifyError(t, error),
    });

  const newButton = can('contact', 'create') && (
    <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
      {t('contacts.new')}
    </Button>
  );

  let content: ReactNode;
  if (query.isPending) content = <TableSkeleton />;
  else if (query.isError)
    content = <ErrorAlert error={query.error} onRetry={() => query.refetch()} />;
  else if (rows.length === 0) {
    const [title, description] = search.trash
      ? [t('contacts.trashEmptyTitle'), t('contacts.trashEmptyDescription')]
      : filtered
        ? [t('contacts.noMatchTitle'), t('contacts.noMatchDescription')]
        : [t('contacts.emptyTitle'), t('contacts.emptyDescription')];
    content = (
      <EmptyState
        py="xl"
        title={title}
        description={description}
        withIndicatorBackground
        icon={search.trash ? <IconTrash size={28} /> : <IconUsers size={28} />}
      >
        {!search.trash && !filtered && newButton && (
          <EmptyState.Actions>{newButton}</EmptyState.Actions>
        )}
      </EmptyState>
    );
  } else {
    content = (
      <>
        <ContactTable
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
        title={search.trash ? `${t('contacts.title')} · ${t('common.trash')}` : t('contacts.title')}
        subtitle={t('contacts.subtitle')}
        actions={newButton}
      />
      <ContactFilters search={search} onChange={update} />
      <Paper withBorder radius="md" p="md">
        {content}
      </Paper>
      <ContactFormModal
        opened={creating}
        onClose={() => setCreating(false)}
        onSaved={(contact) =>
          navigate({ to: '/contacts/$contactId', params: { contactId: contact.id } })
        }
      />
    </>
  );
}
