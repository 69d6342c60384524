import type { Activity } from '@guanxi/contract';
import { ActionIcon, Anchor, Badge, Group, Menu, Stack, Text } from '@mantine/core';
import { IconDots, IconMapPin, IconPencil, IconTrash } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useState } from 'react';
import { ConfirmModal } from '../../components/ConfirmModal';
import { formatDate } from '../../lib/format';
import { notifyError, notifySuccess } from '../../lib/notify';
import { useRecordView } from '../../records/view';
import { usePermissions } from '../auth/session';
import { activitiesApi, type RecordLink } from './api';
import { KIND_LOOK } from './kinds';
import { mapUrl } from './LocationInput';
import { LogActivityModal } from './LogActivityModal';
import { RecordRef } from './record-ref';

type ActivityItemProps = {
  activity: Activity;
  /** The page's own records: links to them are not repeated on every entry. */
  link: RecordLink;
};

/** One entry of a timeline: what happened, when, with whom, and what comes next. */
export function ActivityItem({ activity, link }: ActivityItemProps) {
  const { t, label, userName } = useRecordView();
  const { can } = usePermissions();
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const remove = activitiesApi.useRemove();
  const author = userName(activity.ownerId);
  const location = activity.location;
  const others = (
    [
      ['account', activity.accountId, activity.accountName, link.accountId],
      ['contact', activity.contactId, activity.contactName, link.contactId],
      ['opportunity', activity.opportunityId, activity.opportunityName, link.opportunityId],
      ['lead', activity.leadId, activity.leadName, link.leadId],
    ] as const
  ).filter(([, id, name, own]) => id && name && id !== own);

  const onDelete = () =>
    remove.mutate(activity, {
      onSuccess: () => {
        setDeleting(false);
        notifySuccess(t('activities.deleted'));
      },
      onError: (error) => notifyError(t, error),
    });
  const canEdit = can('activity', 'update', activity);
  const canDelete = can('activity', 'delete', activity);

  return (
    <Stack gap={4} pb="xs">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Group gap="xs" wrap="wrap">
          <Text fw={600}>{activity.subject}</Text>
          <Badge variant="light" size="sm" tt="none" color={KIND_LOOK[activity.kind].color}>
            {label('activityKind', activity.kind)}
          </Badge>
          <Text size="sm" c="dimmed">
            {dayjs(activity.occurredAt).format('LT')}
            {activity.durationMinutes !== null &&
              ` · ${t('activities.minutes', { count: activity.durationMinutes })}`}
          </Text>
        </Group>
        {(canEdit || canDelete) && (
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <ActionIcon
                variant="subtle"
                color="gray"
                aria-label={t('activities.actionsFor', { subject: activity.subject })}
              >
                <IconDots size={16} />
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              {canEdit && (
                <Menu.Item leftSection={<IconPencil size={14} />} onClick={() => setEditing(true)}>
                  {t('common.edit')}
                </Menu.Item>
              )}
              {canDelete && (
                <Menu.Item
                  color="red"
                  leftSection={<IconTrash size={14} />}
                  onClick={() => setDeleting(true)}
                >
                  {t('common.delete')}
                </Menu.Item>
              )}
            </Menu.Dropdown>
          </Menu>
        )}
      </Group>
      {activity.body && (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} lineClamp={6}>
          {activity.body}
        </Text>
      )}
      {activity.outcome && (
        <Text size="sm">
          <Text span c="dimmed" size="sm">
            {t('activities.fields.outcome')}:{' '}
          </Text>
          {activity.outcome}
        </Text>
      )}
      {location && (
        <Group gap={4} wrap="nowrap">
          <IconMapPin size={14} aria-hidden />
          {location.latitude !== null && location.longitude !== null ? (
            <Anchor
              size="sm"
              href={mapUrl(location.latitude, location.longitude)}
              target="_blank"
              rel="noopener noreferrer"
              title={t('activities.openMap')}
            >
              {location.address ?? `${location.latitude}, ${location.longitude}`}
            </Anchor>
          ) : (
            <Text size="sm">{location.address}</Text>
          )}
        </Group>
      )}
      <Group gap="md" wrap="wrap">
        {activity.nextFollowUpAt && (
          <Text size="xs" c="orange.8" fw={500}>
            {t('activities.nextFollowUp', { date: formatDate(activity.nextFollowUpAt) })}
          </Text>
        )}
        {others.map(([type, id, name]) => (
          <Text size="xs" c="dimmed" key={type}>
            {t(`activities.fields.${type}Id`)}:{' '}
            <RecordRef recordType={type} id={id as string} size="xs">
              {name}
            </RecordRef>
          </Text>
        ))}
        {author && (
          <Text size="xs" c="dimmed">
            {t('activities.loggedBy', { name: author })}
          </Text>
        )}
      </Group>
      <LogActivityModal
        opened={editing}
        onClose={() => setEditing(false)}
        link={link}
        activity={activity}
      />
      <ConfirmModal
        opened={deleting}
        title={t('activities.deleteTitle')}
        message={t('activities.deleteMessage', { subject: activity.subject })}
        confirmLabel={t('common.delete')}
        loading={remove.isPending}
        onConfirm={onDelete}
        onClose={() => setDeleting(false)}
      />
    </Stack>
  );
}
