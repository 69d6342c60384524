import type { Contact } from '@guanxi/contract';
import { Anchor } from '@mantine/core';
import { RecordLink } from '../../records/RecordLink';
import { RecordListPage } from '../../records/RecordListPage';
import {
  nameColumn,
  ownerColumn,
  type RecordColumn,
  updatedColumn,
} from '../../records/RecordTable';
import { BuyingRoleBadge } from './badges';
import { type ContactSearch, contactRecord } from './record';

export const contactColumns: RecordColumn<Contact>[] = [
  nameColumn,
  { field: 'title', sortable: true, cell: (c) => c.title },
  {
    field: 'accountId',
    cell: (c) =>
      c.accountId && (
        <RecordLink to="/accounts" id={c.accountId}>
          {c.accountName ?? c.accountId}
        </RecordLink>
      ),
  },
  {
    field: 'email',
    sortable: true,
    cell: (c) => c.email && <Anchor href={`mailto:${c.email}`}>{c.email}</Anchor>,
  },
  { field: 'buyingRole', cell: (c) => c.buyingRole && <BuyingRoleBadge role={c.buyingRole} /> },
  ownerColumn,
  updatedColumn,
];

/** The contacts page: search, filters, sortable table, trash view, "Load more". */
export function ContactList({ search }: { search: ContactSearch }) {
  return <RecordListPage recordType={contactRecord} search={search} columns={contactColumns} />;
}
