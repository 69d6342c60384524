import { Anchor, Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { RecordDetailPage } from '../../records/RecordDetailPage';
import { AccountContacts } from './AccountContacts';
import { StatusBadge, TierBadge } from './badges';
import { accountRecord } from './record';

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
      subtitle={(account, { label, userName }) => {
        const owner = userName(account.ownerId);
        return (
          <Group gap="md">
            {owner && <Text size="sm">{t('accounts.ownerLine', { name: owner })}</Text>}
            {account.industry && <Text size="sm">{label('industry', account.industry)}</Text>}
            {account.city && <Text size="sm">{account.city}</Text>}
          </Group>
        );
      }}
      details={(account, { label, userName }) => [
        { field: 'name', value: account.name },
        { field: 'ownerId', value: userName(account.ownerId) },
        { field: 'industry', value: label('industry', account.industry) },
        { field: 'size', value: label('size', account.size) },
        { field: 'tier', value: account.tier && <TierBadge tier={account.tier} /> },
        { field: 'status', value: <StatusBadge status={account.status} /> },
        { field: 'source', value: label('source', account.source) },
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
      ]}
    />
  );
}
