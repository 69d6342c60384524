import type { Opportunity } from '@guanxi/contract';
import { Button, EmptyState, Group, Stack, Table, Text } from '@mantine/core';
import { IconTargetArrow } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../lib/format';
import { RecordFormModal } from '../../../records/RecordFormModal';
import { RecordLink } from '../../../records/RecordLink';
import { usePermissions } from '../../auth/session';
import { opportunityRecord, StageBadge } from '../../opportunities';
import { useOpportunityFormat } from '../../opportunities/format';
import { PanelCard } from './PanelCard';
import type { OverviewPanelProps } from './panels';

/** Closed deals shown before "Show all". */
const CLOSED_SHOWN = 5;

/** The account's open and closed opportunities: stage, amount, date, each linking to its page. */
export function OpportunitiesPanel({ account, overview, readOnly }: OverviewPanelProps) {
  const { t } = useTranslation();
  const { can } = usePermissions();
  const [adding, setAdding] = useState(false);
  if (overview.opportunities === null) return null;
  const { open, closed } = overview.opportunities;
  const newButton = !readOnly && can('opportunity', 'create') && (
    <Button
      variant="light"
      leftSection={<IconTargetArrow size={16} aria-hidden />}
      onClick={() => setAdding(true)}
    >
      {t('customer360.opportunities.new')}
    </Button>
  );

  return (
    <PanelCard
      title={t('customer360.opportunities.title')}
      count={open.length + closed.length}
      actions={open.length + closed.length > 0 && newButton}
    >
      {open.length + closed.length === 0 ? (
        <EmptyState
          py="md"
          title={t('customer360.opportunities.emptyTitle')}
          description={t('customer360.opportunities.emptyDescription')}
          icon={<IconTargetArrow size={28} />}
          withIndicatorBackground
        >
          {newButton && <EmptyState.Actions>{newButton}</EmptyState.Actions>}
        </EmptyState>
      ) : (
        <Stack gap="md">
          <DealTable
            title={t('customer360.opportunities.open')}
            deals={open}
            empty={t('customer360.opportunities.noOpen')}
            date={(o) => o.expectedCloseDate}
            dateLabel={t('customer360.opportunities.closeDate')}
          />
          {closed.length > 0 && (
            <DealTable
              title={t('customer360.opportunities.closed')}
              deals={closed}
              date={(o) => o.closedAt}
              dateLabel={t('customer360.opportunities.closedOn')}
              limit={CLOSED_SHOWN}
            />
          )}
        </Stack>
      )}
      <RecordFormModal
        recordType={opportunityRecord}
        opened={adding}
        onClose={() => setAdding(false)}
        defaults={{ accountId: account.id, accountName: account.name }}
      />
    </PanelCard>
  );
}

type DealTableProps = {
  title: string;
  deals: Opportunity[];
  empty?: string;
  date: (deal: Opportunity) => string | null;
  dateLabel: string;
  /** Rows shown until "Show all". */
  limit?: number;
};

function DealTable({ title, deals, empty, date, dateLabel, limit }: DealTableProps) {
  const { t } = useTranslation();
  const { money } = useOpportunityFormat();
  const [all, setAll] = useState(false);
  const rows = limit && !all ? deals.slice(0, limit) : deals;
  return (
    <Stack gap={4}>
      <Text size="xs" fw={700} c="dimmed" tt="uppercase">
        {title} · {deals.length}
      </Text>
      {deals.length === 0 ? (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={440}>
          <Table verticalSpacing={6} fz="sm" aria-label={title}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('customer360.opportunities.name')}</Table.Th>
                <Table.Th>{t('customer360.opportunities.stage')}</Table.Th>
                <Table.Th ta="right">{t('customer360.opportunities.amount')}</Table.Th>
                <Table.Th ta="right">{dateLabel}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((deal) => (
                <Table.Tr key={deal.id}>
                  <Table.Td>
                    <RecordLink to="/opportunities" id={deal.id} fw={500}>
                      {deal.name}
                    </RecordLink>
                  </Table.Td>
                  <Table.Td>
                    <StageBadge stageId={deal.stageId} />
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {deal.amount === null ? t('common.empty') : money(deal.amount, deal.currency)}
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {formatDate(date(deal)) || t('common.empty')}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {limit && deals.length > limit && (
        <Group>
          <Button variant="subtle" size="xs" px={4} onClick={() => setAll((a) => !a)}>
            {all
              ? t('customer360.opportunities.showFewer')
              : t('customer360.opportunities.showAll', { count: deals.length })}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
