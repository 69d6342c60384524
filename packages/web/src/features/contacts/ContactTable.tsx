import type { Contact } from '@guanxi/contract';
import { Anchor, Button, Table, Text } from '@mantine/core';
import { IconArrowBackUp } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/AnchorLink';
import { SortableTh } from '../../components/SortableTh';
import type { Messages } from '../../i18n/zh-CN';
import { fromNow } from '../../lib/format';
import type { SortState } from '../../lib/list-query';
import { useUserNames } from '../settings/api';
import { BuyingRoleBadge } from './badges';

type ContactTableProps = {
  rows: Contact[];
  sort?: SortState;
  onSort?: (field: string) => void;
  /** Inside an account page the account column says nothing new. */
  hideAccount?: boolean;
  onRestore?: (contact: Contact) => void;
  restoringId?: string | null;
};

export function ContactTable(props: ContactTableProps) {
  const { rows, sort = null, onSort, hideAccount, onRestore, restoringId } = props;
  const { t } = useTranslation();
  const userNames = useUserNames();
  const th = (field: keyof Messages['contacts']['fields'], sortable = true) =>
    sortable && onSort ? (
      <SortableTh field={field} label={t(`contacts.fields.${field}`)} sort={sort} onSort={onSort} />
    ) : (
      <Table.Th>{t(`contacts.fields.${field}`)}</Table.Th>
    );
  const dash = t('common.empty');

  return (
    <Table.ScrollContainer minWidth={860}>
      <Table
        highlightOnHover
        verticalSpacing="sm"
        style={{ whiteSpace: 'nowrap' }}
        aria-label={t('contacts.title')}
      >
        <Table.Thead>
          <Table.Tr>
            {th('name')}
            {th('title')}
            {!hideAccount && th('accountId', false)}
            {th('email')}
            {th('buyingRole', false)}
            {th('ownerId', false)}
            {th('updatedAt')}
            {onRestore && <Table.Th>{t('common.actions')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td>
                <AnchorLink to="/contacts/$contactId" params={{ contactId: c.id }} fw={500}>
                  {c.name}
                </AnchorLink>
              </Table.Td>
              <Table.Td>{c.title ?? dash}</Table.Td>
              {!hideAccount && (
                <Table.Td>
                  {c.accountId ? (
                    <AnchorLink to="/accounts/$accountId" params={{ accountId: c.accountId }}>
                      {c.accountName ?? c.accountId}
                    </AnchorLink>
                  ) : (
                    dash
                  )}
                </Table.Td>
              )}
              <Table.Td>
                {c.email ? <Anchor href={`mailto:${c.email}`}>{c.email}</Anchor> : dash}
              </Table.Td>
              <Table.Td>{c.buyingRole ? <BuyingRoleBadge role={c.buyingRole} /> : dash}</Table.Td>
              <Table.Td>{userNames.get(c.ownerId) ?? dash}</Table.Td>
              <Table.Td>
                <Text size="sm" c="dimmed" component="time" dateTime={c.updatedAt}>
                  {fromNow(c.updatedAt)}
                </Text>
              </Table.Td>
              {onRestore && (
                <Table.Td>
                  <Button
                    size="xs"
                    variant="light"
                    leftSection={<IconArrowBackUp size={14} aria-hidden />}
                    loading={restoringId === c.id}
                    onClick={() => onRestore(c)}
                    aria-label={`${t('common.restore')} ${c.name}`}
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
