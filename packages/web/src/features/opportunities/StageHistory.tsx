import { Text, Timeline, Tooltip } from '@mantine/core';
import { IconArrowRight, IconFlag } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TableSkeleton } from '../../components/TableSkeleton';
import { formatDateTime, fromNow } from '../../lib/format';
import { useStageHistory } from './api';
import { useOpportunityFormat } from './format';

/** The stages an opportunity went through, newest first, with the time spent in each. */
export function StageHistory({ opportunityId }: { opportunityId: string }) {
  const { t } = useTranslation();
  const { duration } = useOpportunityFormat();
  const query = useStageHistory(opportunityId);
  if (query.isPending) return <TableSkeleton rows={3} />;
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => query.refetch()} />;
  if (query.data.length === 0)
    return <Text c="dimmed">{t('opportunities.stageHistory.empty')}</Text>;
  const name = (stage: string | null) => stage ?? t('opportunities.stageHistory.unknownStage');
  return (
    <Timeline bulletSize={26} lineWidth={2} active={query.data.length}>
      {query.data.map((change) => (
        <Timeline.Item
          key={change.id}
          bullet={
            change.fromStageId ? (
              <IconArrowRight size={14} aria-hidden />
            ) : (
              <IconFlag size={14} aria-hidden />
            )
          }
          title={
            <Text fw={600} size="sm">
              {change.fromStageId
                ? t('opportunities.stageHistory.moved', {
                    from: name(change.fromStageName),
                    to: name(change.toStageName),
                  })
                : t('opportunities.stageHistory.created', { stage: name(change.toStageName) })}
            </Text>
          }
        >
          <Text size="xs" c="dimmed">
            {change.actorName ?? t('history.system')} ·{' '}
            <Tooltip label={formatDateTime(change.at)}>
              <time dateTime={change.at}>{fromNow(change.at)}</time>
            </Tooltip>
          </Text>
          {change.durationSeconds !== null && (
            <Text size="sm" mt={4}>
              {t('opportunities.stageHistory.spent', {
                duration: duration(change.durationSeconds),
                stage: name(change.fromStageName),
              })}
            </Text>
          )}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
