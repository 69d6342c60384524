import { Anchor, Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { RecordDetailPage } from '../../records/RecordDetailPage';
import { ActivityTimeline } from '../activities';
import { MergeButton } from '../duplicates';
import { AccountOpportunities } from '../opportunities';
import { ReturnToPoolButton } from '../pools';
import { TaskPanel } from '../tasks';
import { AccountContacts } from './AccountContacts';
import { StatusBadge, TierBadge } from './badges';
import { accountMerge, accountRecord } from './record';

const websiteHref = (website: string) =>
  /^https?:\/\//i.test(website) ? website : `https://${website}`;

/** One account: header with facts and actions; details, contacts and history tabs. */
export function AccountDetail({ id }: { id: string }) {
  const { t } = useTranslation();
  return (
    <RecordDetailPage
      recordType={accountRecord}
      id={id}
      meta={(account) => (
        <>
          <TierBadge tier={account.tier} />
          <StatusBadge status={account.status} />
        </>
      )}
      actions={(account) => (
        <>
          <ReturnToPoolButton object="account" record={account} />
          <MergeButton object="account" record={account} {...accountMerge} />
        </>
      )}
      subtitle={(account, { label, ownerName }) => {
        const owner = ownerName(account.ownerId);
        return (
          <Group gap="md">
            {owner && <Text size="sm">{t('accounts.ownerLine', { name: owner })}</Text>}
            {account.industry && <Text size="sm">{label('industry', account.industry)}</Text>}
            {account.city && <Text size="sm">{account.city}</Text>}
          </Group>
        );
      }}
      details={(account, { label, ownerName }) => [
        { field: 'name', value: account.name },
        { field: 'ownerId', value: ownerName(account.ownerId) },
        ...(account.ownerId === null
          ? [
              { field: 'poolEntry', value: label('poolEntry', account.poolEntry) },
              { field: 'returnReason', value: account.returnReason },
            ]
          : []),
        { field: 'industry', value: label('industry', account.industry) },
        { field: 'size', value: label('size', account.size) },
        { field: 'tier', value: account.tier && <TierBadge tier={account.tier} /> },
        { field: 'status', value: <StatusBadge status={account.status} /> },
        { field: 'source', value: label('source', account.source) },
        { field: 'campaign', value: account.campaign },
        { field: 'creditCode', value: account.creditCode },
        {
          field: 'website',
          value: account.website && (
            <Anchor href={websiteHref(account.website)} target="_blank" rel="noopener noreferrer">
              {account.website}
            </Anchor>
          ),
        },
        {
          field: 'phone',
          value: account.phone && <Anchor href={`tel:${account.phone}`}>{account.phone}</Anchor>,
        },
        { field: 'country', value: account.country },
        { field: 'province', value: account.province },
        { field: 'city', value: account.city },
        { field: 'address', value: account.address, span: 'full' },
        {
          field: 'tags',
          span: 'full',
          value: account.tags.length > 0 && (
            <Group gap={6}>
              {account.tags.map((tag) => (
                <Badge key={tag} variant="outline" color="gray" tt="none">
                  {tag}
                </Badge>
              ))}
            </Group>
          ),
        },
        { field: 'notes', value: account.notes, span: 'full' },
      ]}
      tabs={[
        {
          value: 'contacts',
          label: (account) => (
            <>
              {t('accounts.tabContacts')}
              {account.contactCount !== undefined && ` (${account.contactCount})`}
            </>
          ),
          panel: (account) => <AccountContacts account={account} />,
        },
        {
          value: 'opportunities',
          label: () => t('opportunities.title'),
          panel: (account) => <AccountOpportunities account={account} />,
        },
        {
          value: 'activities',
          label: () => t('activities.title'),
          panel: (account) => (
            <ActivityTimeline link={{ accountId: account.id }} readOnly={!!account.deletedAt} />
          ),
        },
        {
          value: 'tasks',
          label: () => t('tasks.tab'),
          panel: (account) => (
            <TaskPanel link={{ accountId: account.id }} readOnly={!!account.deletedAt} />
          ),
        },
      ]}
    />
  );
}
