import type { Account } from '@guanxi/contract';
import { RecordListPage } from '../../records/RecordListPage';
import {
  nameColumn,
  ownerColumn,
  type RecordColumn,
  updatedColumn,
} from '../../records/RecordTable';
import { StatusBadge, TierBadge } from './badges';
import { type AccountSearch, accountRecord } from './record';

const columns: RecordColumn<Account>[] = [
  nameColumn,
  { field: 'industry', sortable: true, cell: (a, { label }) => label('industry', a.industry) },
  { field: 'tier', sortable: true, cell: (a) => a.tier && <TierBadge tier={a.tier} /> },
  { field: 'status', sortable: true, cell: (a) => <StatusBadge status={a.status} /> },
  { field: 'city', sortable: true, cell: (a) => a.city },
  ownerColumn,
  updatedColumn,
];

/** The accounts page: search, filters, sortable table, trash view, "Load more". */
export function AccountList({ search }: { search: AccountSearch }) {
  return <RecordListPage recordType={accountRecord} search={search} columns={columns} />;
}
