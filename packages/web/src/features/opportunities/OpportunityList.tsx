import type { Opportunity } from '@guanxi/contract';
import { Button, SegmentedControl } from '@mantine/core';
import { IconLayoutKanban, IconList, IconPlus } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { formatDate } from '../../lib/format';
import { RecordFilters } from '../../records/RecordFilters';
import { RecordFormModal } from '../../records/RecordFormModal';
import { RecordLink } from '../../records/RecordLink';
import { RecordListPage } from '../../records/RecordListPage';
import {
  nameColumn,
  ownerColumn,
  type RecordColumn,
  updatedColumn,
} from '../../records/RecordTable';
import { usePermissions } from '../auth/session';
import { useOpportunityFormat } from './format';
import { OpportunityBoard } from './OpportunityBoard';
import { type OpportunitySearch, opportunityRecord } from './record';
import { StageBadge } from './StageBadge';

function Money({ o }: { o: Opportunity }) {
  const { money } = useOpportunityFormat();
  return <>{money(o.amount, o.currency)}</>;
}

export const opportunityColumns: RecordColumn<Opportunity>[] = [
  nameColumn,
  {
    field: 'accountId',
    cell: (o) => (
      <RecordLink to="/accounts" id={o.accountId}>
        {o.accountName ?? o.accountId}
      </RecordLink>
    ),
  },
  { field: 'stageId', cell: (o) => <StageBadge stageId={o.stageId} /> },
  { field: 'amount', sortable: true, cell: (o) => o.amount !== null && <Money o={o} /> },
  { field: 'probability', sortable: true, cell: (o) => `${o.probability}%` },
  {
    field: 'expectedCloseDate',
    sortable: true,
    cell: (o) => o.expectedCloseDate && formatDate(o.expectedCloseDate),
  },
  ownerColumn,
  updatedColumn,
];

export type OpportunityListSearch = OpportunitySearch & { view?: 'board' };

/** The opportunities page: the list (search, filters, table, trash) or the pipeline's board. */
export function OpportunityList({ search }: { search: OpportunityListSearch }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { can } = usePermissions();
  const [creating, setCreating] = useState(false);
  const update = (patch: Partial<OpportunityListSearch>) =>
    navigate({ to: '/opportunities', search: { ...search, ...patch }, replace: true });
  const toggle = (
    <SegmentedControl
      aria-label={t('opportunities.view')}
      value={search.view ?? 'list'}
      onChange={(value) =>
        update({
          view: value === 'board' ? 'board' : undefined,
          trash: undefined,
          stage: undefined,
        })
      }
      data={[
        {
          value: 'list',
          label: (
            <ViewLabel
              icon={<IconList size={16} aria-hidden />}
              text={t('opportunities.viewList')}
            />
          ),
        },
        {
          value: 'board',
          label: (
            <ViewLabel
              icon={<IconLayoutKanban size={16} aria-hidden />}
              text={t('opportunities.viewBoard')}
            />
          ),
        },
      ]}
    />
  );
  if (search.view !== 'board') {
    return (
      <RecordListPage
        recordType={opportunityRecord}
        search={search}
        columns={opportunityColumns}
        actions={toggle}
      />
    );
  }
  const boardFilters = opportunityRecord.filters.filter((f) => f.param !== 'stage');
  return (
    <>
      <PageHeader
        title={t('opportunities.title')}
        subtitle={t('opportunities.subtitle')}
        actions={
          <>
            {toggle}
            {can('opportunity', 'create') && (
              <Button
                leftSection={<IconPlus size={16} aria-hidden />}
                onClick={() => setCreating(true)}
              >
                {t('opportunities.new')}
              </Button>
            )}
          </>
        }
      />
      <RecordFilters
        recordType={opportunityRecord}
        filters={boardFilters}
        search={search}
        onChange={update}
        withTrash={false}
      />
      <OpportunityBoard search={search} />
      <RecordFormModal
        recordType={opportunityRecord}
        opened={creating}
        onClose={() => setCreating(false)}
        defaults={search.pipeline ? { pipelineId: search.pipeline } : undefined}
      />
    </>
  );
}

function ViewLabel({ icon, text }: { icon: React.ReactNode; text: string }) {
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}>
      {icon}
      {text}
    </span>
  );
}
