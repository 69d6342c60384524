import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../lib/format';
import { RecordDetailPage } from '../../records/RecordDetailPage';
import { RecordLink } from '../../records/RecordLink';
import { usePipelines } from './api';
import { ContactRoles } from './ContactRoles';
import { stageIndex, useOpportunityFormat } from './format';
import { PrimaryContact } from './PrimaryContact';
import { opportunityRecord } from './record';
import { StageBadge } from './StageBadge';
import { StageHistory } from './StageHistory';
import { StagePath } from './StagePath';

/** One opportunity: header, stage path, details, contact roles, stage history and history. */
export function OpportunityDetail({ id }: { id: string }) {
  const { t } = useTranslation();
  const { money } = useOpportunityFormat();
  const stages = stageIndex(usePipelines().data);
  return (
    <RecordDetailPage
      recordType={opportunityRecord}
      id={id}
      meta={(o) => <StageBadge stageId={o.stageId} />}
      subtitle={(o) => (
        <Group gap="md">
          <RecordLink to="/accounts" id={o.accountId} size="sm">
            {o.accountName ?? o.accountId}
          </RecordLink>
          {o.amount !== null && (
            <Text size="sm" fw={600}>
              {money(o.amount, o.currency)}
            </Text>
          )}
          {o.expectedCloseDate && (
            <Text size="sm">
              {t('opportunities.closeLine', { date: formatDate(o.expectedCloseDate) })}
            </Text>
          )}
        </Group>
      )}
      summary={(o) => <StagePath opportunity={o} />}
      details={(o, { label, userName }) => [
        { field: 'name', value: o.name },
        {
          field: 'accountId',
          value: (
            <RecordLink to="/accounts" id={o.accountId}>
              {o.accountName ?? o.accountId}
            </RecordLink>
          ),
        },
        {
          field: 'contactId',
          value: o.contactId ? <PrimaryContact opportunityId={o.id} /> : null,
        },
        { field: 'pipelineId', value: stages.get(o.stageId)?.pipeline.name },
        { field: 'stageId', value: stages.get(o.stageId)?.name },
        { field: 'amount', value: o.amount !== null ? money(o.amount, o.currency) : null },
        { field: 'probability', value: `${o.probability}%` },
        { field: 'expectedCloseDate', value: formatDate(o.expectedCloseDate) },
        {
          field: 'forecastCategory',
          value: !o.forecastCategory ? null : (
            <Badge variant="outline" color="gray" tt="none">
              {label('forecastCategory', o.forecastCategory)}
            </Badge>
          ),
        },
        { field: 'ownerId', value: userName(o.ownerId) },
        { field: 'source', value: label('source', o.source) },
        { field: 'campaign', value: o.campaign },
        { field: 'closedAt', value: formatDateTime(o.closedAt) },
        { field: 'nextStep', value: o.nextStep, span: 'full' },
        {
          field: 'competitors',
          span: 'full',
          value:
            o.competitors.length === 0 ? null : (
              <Group gap={6} component="span">
                {o.competitors.map((c) => (
                  <Badge key={c} variant="outline" color="gray" tt="none">
                    {c}
                  </Badge>
                ))}
              </Group>
            ),
        },
        ...(o.lossReason
          ? [{ field: 'lossReason', value: o.lossReason, span: 'full' as const }]
          : []),
        { field: 'notes', value: o.notes, span: 'full' },
      ]}
      tabs={[
        {
          value: 'contacts',
          label: () => t('opportunities.tabContacts'),
          panel: (o) => <ContactRoles opportunity={o} />,
        },
        {
          value: 'stages',
          label: () => t('opportunities.tabStages'),
          panel: (o) => <StageHistory opportunityId={o.id} />,
        },
      ]}
    />
  );
}
