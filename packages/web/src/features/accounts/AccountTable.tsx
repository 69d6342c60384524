import type { Account } from '@guanxi/contract';
import { Button, Table, Text } from '@mantine/core';
import { IconArrowBackUp } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/AnchorLink';
import { SortableTh } from '../../components/SortableTh';
import { useEnumLabels } from '../../i18n/enums';
import type { Messages } from '../../i18n/zh-CN';
import { fromNow } from '../../lib/format';
import type { SortState } from '../../lib/list-query';
import { useUserNames } from '../settings/api';
import { StatusBadge, TierBadge } from './badges';

type AccountTableProps = {
  rows: Account[];
  sort: SortState;
  onSort: (field: string) => void;
  /** Set in the trash view: rows get a Restore button. */
  onRestore?: (account: Account) => void;
  restoringId?: string | null;
};

export function AccountTable({ rows, sort, onSort, onRestore, restoringId }: AccountTableProps) {
  const { t } = useTranslation();
  const { label } = useEnumLabels();
  const userNames = useUserNames();
  const th = (field: keyof Messages['accounts']['fields']) => (
    <SortableTh field={field} label={t(`accounts.fields.${field}`)} sort={sort} onSort={onSort} />
  );

  return (
    <Table.ScrollContainer minWidth={860}>
      <Table
        highlightOnHover
        verticalSpacing="sm"
        style={{ whiteSpace: 'nowrap' }}
        aria-label={t('accounts.title')}
      >
        <Table.Thead>
          <Table.Tr>
            {th('name')}
            {th('industry')}
            {th('tier')}
            {th('status')}
            {th('city')}
            <Table.Th>{t('accounts.fields.ownerId')}</Table.Th>
            {th('updatedAt')}
            {onRestore && <Table.Th>{t('common.actions')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((account) => (
            <Table.Tr key={account.id}>
              <Table.Td>
                <AnchorLink to="/accounts/$accountId" params={{ accountId: account.id }} fw={500}>
                  {account.name}
                </AnchorLink>
              </Table.Td>
              <Table.Td>{label('industry', account.industry) || t('common.empty')}</Table.Td>
              <Table.Td>
                {account.tier ? <TierBadge tier={account.tier} /> : t('common.empty')}
              </Table.Td>
              <Table.Td>
                <StatusBadge status={account.status} />
              </Table.Td>
              <Table.Td>{account.city ?? t('common.empty')}</Table.Td>
              <Table.Td>{userNames.get(account.ownerId) ?? t('common.empty')}</Table.Td>
              <Table.Td>
                <Text size="sm" c="dimmed" component="time" dateTime={account.updatedAt}>
                  {fromNow(account.updatedAt)}
                </Text>
              </Table.Td>
              {onRestore && (
                <Table.Td>
                  <Button
                    size="xs"
                    variant="light"
                    leftSection={<IconArrowBackUp size={14} aria-hidden />}
                    loading={restoringId === account.id}
                    onClick={() => onRestore(account)}
                    aria-label={`${t('common.restore')} ${account.name}`}
                  >
                    {t('common.restore')}
                  </Button>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
