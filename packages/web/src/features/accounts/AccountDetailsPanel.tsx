import type { Account } from '@guanxi/contract';
import { Anchor, Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DetailGrid } from '../../components/DetailGrid';
import { useEnumLabels } from '../../i18n/enums';
import type { Messages } from '../../i18n/zh-CN';
import { formatDateTime } from '../../lib/format';
import { useUserNames } from '../settings/api';
import { StatusBadge, TierBadge } from './badges';

const websiteHref = (website: string) =>
  /^https?:\/\//i.test(website) ? website : `https://${website}`;

/** Every field of an account, read-only. */
export function AccountDetailsPanel({ account }: { account: Account }) {
  const { t } = useTranslation();
  const { label } = useEnumLabels();
  const userNames = useUserNames();
  const f = (key: keyof Messages['accounts']['fields']) => t(`accounts.fields.${key}`);
  return (
    <DetailGrid
      items={[
        { label: f('name'), value: account.name },
        { label: f('ownerId'), value: userNames.get(account.ownerId) },
        { label: f('industry'), value: label('industry', account.industry) },
        { label: f('size'), value: label('size', account.size) },
        { label: f('tier'), value: account.tier && <TierBadge tier={account.tier} /> },
        { label: f('status'), value: <StatusBadge status={account.status} /> },
        { label: f('source'), value: label('source', account.source) },
        {
          label: f('website'),
          value: account.website && (
            <Anchor href={websiteHref(account.website)} target="_blank" rel="noopener noreferrer">
              {account.website}
            </Anchor>
          ),
        },
        {
          label: f('phone'),
          value: account.phone && <Anchor href={`tel:${account.phone}`}>{account.phone}</Anchor>,
        },
        { label: f('country'), value: account.country },
        { label: f('province'), value: account.province },
        { label: f('city'), value: account.city },
        { label: f('address'), value: account.address, span: 'full' },
        {
          label: f('tags'),
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
        { label: f('notes'), value: account.notes, span: 'full' },
        { label: f('createdAt'), value: formatDateTime(account.createdAt) },
        { label: f('updatedAt'), value: formatDateTime(account.updatedAt) },
      ]}
    />
  );
}
