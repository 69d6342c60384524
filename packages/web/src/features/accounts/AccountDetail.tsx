import { Anchor, Badge, Button, Group, Skeleton, Stack, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { BackLink } from '../../components/BackLink';
import { ErrorAlert } from '../../components/ErrorAlert';
import { RecordDetailPage } from '../../records/RecordDetailPage';
import { MergeButton } from '../duplicates';
import { ReturnToPoolButton } from '../pools';
import { useAccountOverview } from './api';
import { StatusBadge, TierBadge } from './badges';
import { AccountKpis } from './overview/AccountKpis';
import { Customer360 } from './overview/Customer360';
import { accountMerge, accountRecord } from './record';

const websiteHref = (website: string) =>
  /^https?:\/\//i.test(website) ? website : `https://${website}`;

/**
 * One account as the customer 360: header with facts and actions, the key figures, then the
 * company and its people beside the deals and the work on them; history in a drawer. One
 * request (the overview) fills the whole page.
 */
export function AccountDetail({ id }: { id: string }) {
  const { t } = useTranslation();
  const overview = useAccountOverview(id);
  const back = <BackLink to={accountRecord.listPath} label={t('accounts.title')} />;
  // After a refresh fails (e.g. the account was just moved to the trash) the page keeps what it
  // showed; only a first load that fails shows the error.
  if (overview.data === undefined) {
    return overview.isError ? (
      <Stack align="flex-start">
        {back}
        <ErrorAlert error={overview.error} onRetry={() => overview.refetch()} />
        <Button component={Link} to={accountRecord.listPath} variant="default">
          {t('accounts.title')}
        </Button>
      </Stack>
    ) : (
      <Stack aria-busy>
        {back}
        <Skeleton height={36} width="40%" />
        <Skeleton height={88} />
        <Skeleton height={320} />
      </Stack>
    );
  }
  const data = overview.data;
  return (
    <RecordDetailPage
      recordType={accountRecord}
      id={id}
      meta={(account) => (
        <>
          <TierBadge tier={account.tier} />
          <StatusBadge status={account.status} />
          {account.ownerId === null && (
            <Badge color="orange" variant="light" tt="none">
              {t('pools.inPool')}
            </Badge>
          )}
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
            {account.ownerId !== null && owner && (
              <Text size="sm">{t('accounts.ownerLine', { name: owner })}</Text>
            )}
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
          value:
            account.tags.length === 0 ? null : (
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
      summary={() => <AccountKpis kpis={data.kpis} />}
      layout={(account, details) => (
        <Customer360
          account={account}
          overview={data}
          details={details}
          readOnly={account.deletedAt !== null}
        />
      )}
    />
  );
}
