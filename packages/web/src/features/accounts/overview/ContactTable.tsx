import type { Contact } from '@guanxi/contract';
import { Anchor, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFieldLabel } from '../../../i18n/fields';
import { useFieldAccess } from '../../../records/field-access';
import { RecordLink } from '../../../records/RecordLink';
import { BuyingRoleBadge } from '../../contacts';

type Column = { field: string; cell: (contact: Contact) => ReactNode };

const COLUMNS: Column[] = [
  {
    field: 'name',
    cell: (c) => (
      <RecordLink to="/contacts" id={c.id} fw={500}>
        {c.name}
      </RecordLink>
    ),
  },
  { field: 'title', cell: (c) => c.title },
  { field: 'buyingRole', cell: (c) => c.buyingRole && <BuyingRoleBadge role={c.buyingRole} /> },
  { field: 'reportsToId', cell: (c) => c.reportsToName },
  {
    field: 'email',
    cell: (c) =>
      c.email && (
        <Anchor href={`mailto:${c.email}`} size="sm">
          {c.email}
        </Anchor>
      ),
  },
];

/** The account's contacts as a compact list: who, role, whom they report to, their email. */
export function ContactTable({ contacts, label }: { contacts: readonly Contact[]; label: string }) {
  const { t } = useTranslation();
  const fieldLabel = useFieldLabel('contacts');
  const access = useFieldAccess('contact');
  const columns = COLUMNS.filter((column) => access.visible(column.field));
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table verticalSpacing={6} fz="sm" aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            {columns.map((column) => (
              <Table.Th key={column.field}>{fieldLabel(column.field)}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {contacts.map((contact) => (
            <Table.Tr key={contact.id}>
              {columns.map((column) => (
                <Table.Td key={column.field}>
                  {column.cell(contact) || (
                    <Text span c="dimmed">
                      {t('common.empty')}
                    </Text>
                  )}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
