import type { AuditEntry } from '@guanxi/contract';
import { Group, Stack, Text, Timeline, Tooltip } from '@mantine/core';
import {
  IconArrowBackUp,
  IconArrowMerge,
  IconArrowRight,
  IconPencil,
  IconPlus,
  IconTrash,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, fromNow } from '../lib/format';
import { ErrorAlert } from './ErrorAlert';
import { TableSkeleton } from './TableSkeleton';

const ICONS = {
  create: IconPlus,
  update: IconPencil,
  delete: IconTrash,
  restore: IconArrowBackUp,
  merge: IconArrowMerge,
} as const;

type HistoryTimelineProps = {
  entries: AuditEntry[] | undefined;
  isLoading: boolean;
  error: unknown;
  onRetry: () => void;
  fieldLabel: (field: string) => string;
  formatValue: (field: string, value: unknown) => string;
  /** Words an empty value where it means something (no owner: in the pool); else a dash. */
  emptyValue?: (field: string) => string | undefined;
};

/** Audit entries newest first: who did what, when, and each field's old → new value. */
export function HistoryTimeline(props: HistoryTimelineProps) {
  const { t } = useTranslation();
  if (props.isLoading) return <TableSkeleton rows={3} />;
  if (props.error) return <ErrorAlert error={props.error} onRetry={props.onRetry} />;
  if (!props.entries?.length) return <Text c="dimmed">{t('history.empty')}</Text>;

  const show = (field: string, value: unknown) =>
    value === null || value === undefined || value === ''
      ? (props.emptyValue?.(field) ?? t('common.empty'))
      : props.formatValue(field, value);

  return (
    <Timeline bulletSize={26} lineWidth={2} active={props.entries.length}>
      {props.entries.map((entry) => {
        const Icon = ICONS[entry.action];
        const actor =
          entry.actorName ??
          (entry.via === 'system' ? t('history.system') : t('common.unknownUser'));
        return (
          <Timeline.Item
            key={entry.id}
            bullet={<Icon size={14} aria-hidden />}
            title={
              <Group gap={6} wrap="wrap">
                <Text fw={600} size="sm">
                  {actor}
                </Text>
                <Text size="sm">{t(`history.actions.${entry.action}`)}</Text>
                {entry.via === 'apiKey' && (
                  <Text size="xs" c="dimmed">
                    {t('history.viaApiKey')}
                  </Text>
                )}
              </Group>
            }
          >
            <Tooltip label={formatDateTime(entry.at)}>
              <Text size="xs" c="dimmed" component="time" dateTime={entry.at}>
                {fromNow(entry.at)}
              </Text>
            </Tooltip>
            {entry.action === 'update' && entry.changes.length > 0 && (
              <Stack gap={4} mt={6}>
                {entry.changes.map((change) => (
                  <Group key={change.field} gap={6} wrap="wrap">
                    <Text size="sm" fw={500}>
                      {props.fieldLabel(change.field)}:
                    </Text>
                    <Text size="sm" c="dimmed" td="line-through">
                      {show(change.field, change.old)}
                    </Text>
                    <IconArrowRight size={14} aria-label="→" />
                    <Text size="sm">{show(change.field, change.new)}</Text>
                  </Group>
                ))}
              </Stack>
            )}
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}
