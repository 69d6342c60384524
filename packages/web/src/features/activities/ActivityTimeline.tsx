import type { Activity } from '@guanxi/contract';
import {
  Button,
  EmptyState,
  Group,
  Skeleton,
  Stack,
  Text,
  ThemeIcon,
  Timeline,
  Title,
} from '@mantine/core';
import { IconMessagePlus, IconTimeline } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadMoreButton } from '../../components/LoadMoreButton';
import { usePermissions } from '../auth/session';
import { ActivityItem } from './ActivityItem';
import { type RecordLink, useTimeline } from './api';
import { KIND_LOOK } from './kinds';
import { LogActivityModal } from './LogActivityModal';

type ActivityTimelineProps = {
  /** The record(s) whose activities to show; a new activity is linked to them. */
  link: RecordLink;
  /** Hide "Log activity" (e.g. on a record in the trash). */
  readOnly?: boolean;
};

/** Activities grouped by the day they happened, newest first. */
function byDay(activities: Activity[]) {
  const days: { day: string; items: Activity[] }[] = [];
  for (const activity of activities) {
    const day = dayjs(activity.occurredAt).format('YYYY-MM-DD');
    const last = days[days.length - 1];
    if (last?.day === day) last.items.push(activity);
    else days.push({ day, items: [activity] });
  }
  return days;
}

/**
 * A record's follow-up history (跟进记录): newest first, grouped by day, an icon per kind, a page
 * at a time, with "Log activity". Put it on any record page: `<ActivityTimeline link={{ leadId }} />`.
 */
export function ActivityTimeline({ link, readOnly = false }: ActivityTimelineProps) {
  const { t } = useTranslation();
  const { can } = usePermissions();
  const [logging, setLogging] = useState(false);
  const query = useTimeline(link);
  const activities = query.data?.pages.flatMap((page) => page.data) ?? [];
  const canLog = !readOnly && can('activity', 'create');

  const dayLabel = (day: string) => {
    const date = dayjs(day);
    if (date.isSame(dayjs(), 'day')) return t('activities.today');
    if (date.isSame(dayjs().subtract(1, 'day'), 'day')) return t('activities.yesterday');
    return date.format('LL dddd');
  };
  const logButton = canLog && (
    <Button
      leftSection={<IconMessagePlus size={16} aria-hidden />}
      onClick={() => setLogging(true)}
    >
      {t('activities.log')}
    </Button>
  );

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={3} size="h4">
          {t('activities.title')}
        </Title>
        {activities.length > 0 && logButton}
      </Group>
      {query.isPending ? (
        <Stack gap="sm" aria-busy>
          <Skeleton height={18} width="30%" />
          <Skeleton height={56} />
          <Skeleton height={56} />
        </Stack>
      ) : query.isError ? (
        <ErrorAlert
          error={query.error}
          message={t('activities.loadError')}
          onRetry={() => query.refetch()}
        />
      ) : activities.length === 0 ? (
        <EmptyState
          py="lg"
          title={t('activities.emptyTitle')}
          description={t('activities.emptyDescription')}
          icon={<IconTimeline size={28} />}
          withIndicatorBackground
        >
          {logButton && <EmptyState.Actions>{logButton}</EmptyState.Actions>}
        </EmptyState>
      ) : (
        <Stack gap="lg">
          {byDay(activities).map(({ day, items }) => (
            <Stack key={day} gap="xs" component="section" aria-label={dayLabel(day)}>
              <Text size="sm" fw={600} c="dimmed">
                {dayLabel(day)}
              </Text>
              <Timeline bulletSize={28} lineWidth={2}>
                {items.map((activity) => {
                  const { icon: KindIcon, color } = KIND_LOOK[activity.kind];
                  return (
                    <Timeline.Item
                      key={activity.id}
                      bullet={
                        <ThemeIcon size={28} radius="xl" color={color} variant="light">
                          <KindIcon size={16} aria-hidden />
                        </ThemeIcon>
                      }
                    >
                      <ActivityItem activity={activity} link={link} />
                    </Timeline.Item>
                  );
                })}
              </Timeline>
            </Stack>
          ))}
          {query.hasNextPage && (
            <Group justify="center">
              <LoadMoreButton query={query} />
            </Group>
          )}
        </Stack>
      )}
      <LogActivityModal opened={logging} onClose={() => setLogging(false)} link={link} />
    </Stack>
  );
}
