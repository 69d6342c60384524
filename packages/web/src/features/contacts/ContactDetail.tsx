import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { RecordDetailPage } from '../../records/RecordDetailPage';
import { RecordLink } from '../../records/RecordLink';
import { ActivityTimeline } from '../activities';
import { MergeButton } from '../duplicates';
import { TaskPanel } from '../tasks';
import { BuyingRoleBadge } from './badges';
import { contactMerge, contactRecord } from './record';

/** One contact: header with role and account; details and history tabs. */
export function ContactDetail({ id }: { id: string }) {
  const { t } = useTranslation();
  return (
    <RecordDetailPage
      recordType={contactRecord}
      id={id}
      meta={(contact) => <BuyingRoleBadge role={contact.buyingRole} />}
      actions={(contact) => <MergeButton object="contact" record={contact} {...contactMerge} />}
      subtitle={(contact) => (
        <Group gap="xs">
          {contact.title && <Text size="sm">{contact.title}</Text>}
          {contact.title && contact.accountId && <Text size="sm">·</Text>}
          {contact.accountId && (
            <RecordLink to="/accounts" id={contact.accountId} size="sm">
              {contact.accountName ?? contact.accountId}
            </RecordLink>
          )}
        </Group>
      )}
      details={(contact, { label, userName }) => [
        { field: 'name', value: contact.name },
        {
          field: 'accountId',
          value: contact.accountId ? (
            <RecordLink to="/accounts" id={contact.accountId}>
              {contact.accountName ?? contact.accountId}
            </RecordLink>
          ) : (
            t('contacts.noAccount')
          ),
        },
        {
          field: 'reportsToId',
          value: contact.reportsToId && (
            <RecordLink to="/contacts" id={contact.reportsToId}>
              {contact.reportsToName ?? t('contacts.managerHidden')}
            </RecordLink>
          ),
        },
        { field: 'title', value: contact.title },
        { field: 'department', value: contact.department },
        {
          field: 'email',
          value: contact.email && <Anchor href={`mailto:${contact.email}`}>{contact.email}</Anchor>,
        },
        { field: 'wechat', value: contact.wechat },
        { field: 'source', value: label('source', contact.source) },
        { field: 'campaign', value: contact.campaign },
        {
          field: 'buyingRole',
          value: contact.buyingRole && <BuyingRoleBadge role={contact.buyingRole} />,
        },
        { field: 'ownerId', value: userName(contact.ownerId) },
        {
          field: 'phones',
          span: 'full',
          value: contact.phones.length > 0 && (
            <Stack gap={4} component="span">
              {contact.phones.map((phone) => (
                <Group key={`${phone.label}-${phone.number}`} gap="xs" component="span">
                  <Badge variant="outline" color="gray" size="sm" tt="none">
                    {label('phoneLabel', phone.label)}
                  </Badge>
                  <Anchor href={`tel:${phone.number}`}>{phone.number}</Anchor>
                </Group>
              ))}
            </Stack>
          ),
        },
        { field: 'notes', value: contact.notes, span: 'full' },
      ]}
      tabs={[
        {
          value: 'activities',
          label: () => t('activities.title'),
          panel: (contact) => (
            <ActivityTimeline link={{ contactId: contact.id }} readOnly={!!contact.deletedAt} />
          ),
        },
        {
          value: 'tasks',
          label: () => t('tasks.tab'),
          panel: (contact) => (
            <TaskPanel link={{ contactId: contact.id }} readOnly={!!contact.deletedAt} />
          ),
        },
      ]}
    />
  );
}
