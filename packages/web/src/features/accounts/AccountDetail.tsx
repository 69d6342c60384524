import { Badge, Button, Group, Paper, Skeleton, Stack, Tabs, Text } from '@mantine/core';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BackLink } from '../../components/BackLink';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { RecordActions, TrashBanner } from '../../components/RecordActions';
import { useEnumLabels } from '../../i18n/enums';
import { notifyError, notifySuccess } from '../../lib/notify';
import { usePermissions } from '../auth/session';
import { useUserNames } from '../settings/api';
import { AccountContacts } from './AccountContacts';
import { AccountDetailsPanel } from './AccountDetailsPanel';
import { AccountFormModal } from './AccountFormModal';
import { AccountHistory } from './AccountHistory';
import { accountsApi } from './api';
import { StatusBadge, TierBadge } from './badges';

const route = getRouteApi('/_app/accounts/$accountId');

/** One account: header with facts and actions; details, contacts and history tabs. */
export function AccountDetail() {
  const { t } = useTranslation();
  const { accountId } = route.useParams();
  const { can } = usePermissions();
  const { label } = useEnumLabels();
  const userNames = useUserNames();
  const query = accountsApi.useOne(accountId);
  const remove = accountsApi.useRemove();
  const restore = accountsApi.useRestore();
  const [editing, setEditing] = useState(false);

  const back = <BackLink to="/accounts" label={t('accounts.title')} />;
  if (query.isPending) {
    return (
      <Stack>
        {back}
        <Skeleton height={36} width="40%" />
        <Skeleton height={240} />
      </Stack>
    );
  }
  if (query.isError) {
    return (
      <Stack align="flex-start">
        {back}
        <ErrorAlert error={query.error} onRetry={() => query.refetch()} />
        <Button component={Link} to="/accounts" variant="default">
          {t('accounts.title')}
        </Button>
      </Stack>
    );
  }

  const account = query.data;
  const deleted = account.deletedAt !== null;
  const owner = userNames.get(account.ownerId);
  const onDelete = () =>
    remove.mutateAsync(account).then(
      () => notifySuccess(t('accounts.deleted')),
      (error: unknown) => notifyError(t, error),
    );
  const onRestore = () =>
    restore.mutate(account.id, {
      onSuccess: () => notifySuccess(t('accounts.restored')),
      onError: (error) => notifyError(t, error),
    });

  return (
    <>
      {back}
      <PageHeader
        title={account.name}
        meta={
          <>
            <TierBadge tier={account.tier} />
            <StatusBadge status={account.status} />
            {deleted && <Badge color="gray">{t('common.trash')}</Badge>}
          </>
        }
        subtitle={
          <Group gap="md">
            {owner && <Text size="sm">{t('accounts.ownerLine', { name: owner })}</Text>}
            {account.industry && <Text size="sm">{label('industry', account.industry)}</Text>}
            {account.city && <Text size="sm">{account.city}</Text>}
          </Group>
        }
        actions={
          <RecordActions
            deleted={deleted}
            canUpdate={can('account', 'update')}
            canDelete={can('account', 'delete')}
            onEdit={() => setEditing(true)}
            onDelete={onDelete}
            deleting={remove.isPending}
            deleteTitle={t('accounts.deleteTitle')}
            deleteMessage={t('accounts.deleteMessage', { name: account.name })}
          />
        }
      />
      {deleted && (
        <TrashBanner
          message={t('accounts.inTrash')}
          canRestore={can('account', 'delete') || can('account', 'update')}
          restoring={restore.isPending}
          onRestore={onRestore}
        />
      )}
      <Paper withBorder radius="md" p="md">
        <Tabs defaultValue="details" keepMounted={false}>
          <Tabs.List mb="md">
            <Tabs.Tab value="details">{t('accounts.tabDetails')}</Tabs.Tab>
            <Tabs.Tab value="contacts">
              {t('accounts.tabContacts')}
              {account.contactCount !== undefined && ` (${account.contactCount})`}
            </Tabs.Tab>
            <Tabs.Tab value="history">{t('accounts.tabHistory')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="details">
            <AccountDetailsPanel account={account} />
          </Tabs.Panel>
          <Tabs.Panel value="contacts">
            <AccountContacts account={account} />
          </Tabs.Panel>
          <Tabs.Panel value="history">
            <AccountHistory accountId={account.id} />
          </Tabs.Panel>
        </Tabs>
      </Paper>
      <AccountFormModal opened={editing} onClose={() => setEditing(false)} account={account} />
    </>
  );
}
