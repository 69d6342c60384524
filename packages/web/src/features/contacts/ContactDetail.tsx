import { Badge, Button, Group, Paper, Skeleton, Stack, Tabs, Text } from '@mantine/core';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/AnchorLink';
import { BackLink } from '../../components/BackLink';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { RecordActions, TrashBanner } from '../../components/RecordActions';
import { notifyError, notifySuccess } from '../../lib/notify';
import { usePermissions } from '../auth/session';
import { contactsApi } from './api';
import { BuyingRoleBadge } from './badges';
import { ContactDetailsPanel } from './ContactDetailsPanel';
import { ContactFormModal } from './ContactFormModal';
import { ContactHistory } from './ContactHistory';

const route = getRouteApi('/_app/contacts/$contactId');

/** One contact: header with role and account; details and history tabs. */
export function ContactDetail() {
  const { t } = useTranslation();
  const { contactId } = route.useParams();
  const { can } = usePermissions();
  const query = contactsApi.useOne(contactId);
  const remove = contactsApi.useRemove();
  const restore = contactsApi.useRestore();
  const [editing, setEditing] = useState(false);

  const back = <BackLink to="/contacts" label={t('contacts.title')} />;
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
        <Button component={Link} to="/contacts" variant="default">
          {t('contacts.title')}
        </Button>
      </Stack>
    );
  }

  const contact = query.data;
  const deleted = contact.deletedAt !== null;
  const onDelete = () =>
    remove.mutateAsync(contact).then(
      () => notifySuccess(t('contacts.deleted')),
      (error: unknown) => notifyError(t, error),
    );
  const onRestore = () =>
    restore.mutate(contact.id, {
      onSuccess: () => notifySuccess(t('contacts.restored')),
      onError: (error) => notifyError(t, error),
    });

  return (
    <>
      {back}
      <PageHeader
        title={contact.name}
        meta={
          <>
            <BuyingRoleBadge role={contact.buyingRole} />
            {deleted && <Badge color="gray">{t('common.trash')}</Badge>}
          </>
        }
        subtitle={
          <Group gap="xs">
            {contact.title && <Text size="sm">{contact.title}</Text>}
            {contact.title && contact.accountId && <Text size="sm">·</Text>}
            {contact.accountId && (
              <AnchorLink
                to="/accounts/$accountId"
                params={{ accountId: contact.accountId }}
                size="sm"
              >
                {contact.accountName ?? contact.accountId}
              </AnchorLink>
            )}
          </Group>
        }
        actions={
          <RecordActions
            deleted={deleted}
            canUpdate={can('contact', 'update')}
            canDelete={can('contact', 'delete')}
            onEdit={() => setEditing(true)}
            onDelete={onDelete}
            deleting={remove.isPending}
            deleteTitle={t('contacts.deleteTitle')}
            deleteMessage={t('contacts.deleteMessage', { name: contact.name })}
          />
        }
      />
      {deleted && (
        <TrashBanner
          message={t('contacts.inTrash')}
          canRestore={can('contact', 'delete') || can('contact', 'update')}
          restoring={restore.isPending}
          onRestore={onRestore}
        />
      )}
      <Paper withBorder radius="md" p="md">
        <Tabs defaultValue="details" keepMounted={false}>
          <Tabs.List mb="md">
            <Tabs.Tab value="details">{t('contacts.tabDetails')}</Tabs.Tab>
            <Tabs.Tab value="history">{t('contacts.tabHistory')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="details">
            <ContactDetailsPanel contact={contact} />
          </Tabs.Panel>
          <Tabs.Panel value="history">
            <ContactHistory contactId={contact.id} />
          </Tabs.Panel>
        </Tabs>
      </Paper>
      <ContactFormModal opened={editing} onClose={() => setEditing(false)} contact={contact} />
    </>
  );
}
