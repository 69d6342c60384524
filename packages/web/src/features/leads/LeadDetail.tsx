import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format';
import { RecordDetailPage } from '../../records/RecordDetailPage';
import { ActivityTimeline } from '../activities';
import { ReturnToPoolButton } from '../pools';
import { LeadStatusBadge, LifecycleBadge } from './badges';
import { ConvertedBanner } from './ConvertedBanner';
import { LeadActions } from './LeadActions';
import { leadRecord } from './record';

/** One lead: status and lifecycle, status actions, Convert, the converted links; tabs. */
export function LeadDetail({ id }: { id: string }) {
  const { t } = useTranslation();
  return (
    <RecordDetailPage
      recordType={leadRecord}
      id={id}
      meta={(lead) => (
        <>
          <LeadStatusBadge status={lead.status} />
          <LifecycleBadge stage={lead.lifecycleStage} />
        </>
      )}
      actions={(lead) => (
        <>
          <ReturnToPoolButton object="lead" record={lead} />
          <LeadActions lead={lead} />
        </>
      )}
      subtitle={(lead, { ownerName }) => {
        const owner = ownerName(lead.ownerId);
        return (
          <Group gap="md">
            {lead.company && <Text size="sm">{lead.company}</Text>}
            {lead.title && <Text size="sm">{lead.title}</Text>}
            {owner && <Text size="sm">{t('accounts.ownerLine', { name: owner })}</Text>}
          </Group>
        );
      }}
      summary={(lead) => <ConvertedBanner lead={lead} />}
      details={(lead, { label, ownerName }) => [
        { field: 'name', value: lead.name },
        { field: 'company', value: lead.company },
        { field: 'title', value: lead.title },
        { field: 'ownerId', value: ownerName(lead.ownerId) },
        ...(lead.ownerId === null
          ? [
              { field: 'poolEntry', value: label('poolEntry', lead.poolEntry) },
              { field: 'returnReason', value: lead.returnReason },
            ]
          : []),
        { field: 'status', value: <LeadStatusBadge status={lead.status} /> },
        ...(lead.status === 'disqualified'
          ? [{ field: 'disqualifyReason', value: lead.disqualifyReason }]
          : []),
        { field: 'lifecycleStage', value: <LifecycleBadge stage={lead.lifecycleStage} /> },
        {
          field: 'email',
          value: lead.email && <Anchor href={`mailto:${lead.email}`}>{lead.email}</Anchor>,
        },
        { field: 'wechat', value: lead.wechat },
        { field: 'industry', value: label('industry', lead.industry) },
        { field: 'region', value: lead.region },
        { field: 'source', value: label('source', lead.source) },
        { field: 'campaign', value: lead.campaign },
        { field: 'lastActivityAt', value: formatDateTime(lead.lastActivityAt) },
        {
          field: 'phones',
          span: 'full',
          value: lead.phones.length > 0 && (
            <Stack gap={4} component="span">
              {lead.phones.map((phone) => (
                <Group key={`${phone.label}-${phone.number}`} gap="xs" component="span">
                  <Badge variant="outline" color="gray" size="sm" tt="none">
                    {label('phoneLabel', phone.label)}
                  </Badge>
                  <Anchor href={`tel:${phone.number}`}>{phone.number}</Anchor>
                </Group>
              ))}
            </Stack>
          ),
        },
        { field: 'notes', value: lead.notes, span: 'full' },
      ]}
      tabs={[
        {
          value: 'activities',
          label: () => t('leads.tabActivities'),
          panel: (lead) => (
            <ActivityTimeline link={{ leadId: lead.id }} readOnly={lead.deletedAt !== null} />
          ),
        },
      ]}
    />
  );
}
