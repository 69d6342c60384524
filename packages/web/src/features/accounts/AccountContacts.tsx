import type { Account } from '@guanxi/contract';
import { Button, EmptyState, Group } from '@mantine/core';
import { IconUserPlus, IconUsers } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TableSkeleton } from '../../components/TableSkeleton';
import { usePermissions } from '../auth/session';
import { accountContactsFilter, contactsApi } from '../contacts/api';
import { ContactFormModal } from '../contacts/ContactFormModal';
import { ContactTable } from '../contacts/ContactTable';

/** The contacts of one account, with "Add contact" prefilled with it. */
export function AccountContacts({ account }: { account: Account }) {
  const { t } = useTranslation();
  const { can } = usePermissions();
  const [adding, setAdding] = useState(false);
  const query = contactsApi.useList({ filter: accountContactsFilter(account.id), sort: 'name' });
  const rows = query.data?.pages.flatMap((page) => page.data) ?? [];
  const canAdd = can('contact', 'create') && !account.deletedAt;

  const addButton = canAdd && (
    <Button leftSection={<IconUserPlus size={16} aria-hidden />} onClick={() => setAdding(true)}>
      {t('accounts.addContact')}
    </Button>
  );

  return (
    <>
      {query.isPending ? (
        <TableSkeleton rows={3} />
      ) : query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => query.refetch()} />
      ) : rows.length === 0 ? (
        <EmptyState
          py="lg"
          title={t('accounts.noContactsTitle')}
          description={t('accounts.noContactsDescription')}
          icon={<IconUsers size={28} />}
          withIndicatorBackground
        >
          {addButton && <EmptyState.Actions>{addButton}</EmptyState.Actions>}
        </EmptyState>
      ) : (
        <>
          {addButton && (
            <Group justify="flex-end" mb="sm">
              {addButton}
            </Group>
          )}
          <ContactTable rows={rows} hideAccount />
          {query.hasNextPage && (
            <Group justify="center" mt="md">
              <Button
                variant="default"
                onClick={() => query.fetchNextPage()}
                loading={query.isFetchingNextPage}
              >
                {t('common.loadMore')}
              </Button>
            </Group>
          )}
        </>
      )}
      <ContactFormModal
        opened={adding}
        onClose={() => setAdding(false)}
        defaults={{ accountId: account.id, accountName: account.name }}
      />
    </>
  );
}
