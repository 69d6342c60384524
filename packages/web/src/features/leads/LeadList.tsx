import type { Lead } from '@guanxi/contract';
import { Anchor } from '@mantine/core';
import { RecordListPage } from '../../records/RecordListPage';
import {
  nameColumn,
  ownerColumn,
  type RecordColumn,
  updatedColumn,
} from '../../records/RecordTable';
import { LeadStatusBadge, LifecycleBadge } from './badges';
import { type LeadSearch, leadRecord } from './record';

export const leadColumns: RecordColumn<Lead>[] = [
  nameColumn,
  { field: 'company', sortable: true, cell: (l) => l.company },
  { field: 'status', sortable: true, cell: (l) => <LeadStatusBadge status={l.status} /> },
  { field: 'lifecycleStage', cell: (l) => <LifecycleBadge stage={l.lifecycleStage} /> },
  {
    field: 'email',
    sortable: true,
    cell: (l) => l.email && <Anchor href={`mailto:${l.email}`}>{l.email}</Anchor>,
  },
  { field: 'source', cell: (l, { label }) => label('source', l.source) },
  { field: 'campaign', sortable: true, cell: (l) => l.campaign },
  ownerColumn,
  updatedColumn,
];

/** The leads page: search, status and lifecycle filters, sortable table, trash, "Load more". */
export function LeadList({ search }: { search: LeadSearch }) {
  return <RecordListPage recordType={leadRecord} search={search} columns={leadColumns} />;
}
