import type { Notification } from '@guanxi/contract';
import {
  ActionIcon,
  Box,
  Button,
  Divider,
  Group,
  Indicator,
  Popover,
  ScrollArea,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { IconBell, IconBellOff, IconChecks } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate, formatDateTime, fromNow } from '../../lib/format';
import { notifyError, notifySuccess } from '../../lib/notify';
import { recordPath } from '../activities/record-ref';
import { useMarkAllRead, useMarkRead, useNotifications } from './api';

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** Params as the text shows them: times and dates in the person's language. */
const formatParams = (params: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(params).map(([key, value]) => [
      key,
      typeof value !== 'string'
        ? value
        : DATE_TIME.test(value)
          ? formatDateTime(value)
          : DATE_ONLY.test(value)
            ? formatDate(value)
            : value,
    ]),
  );

/** A notification's text: kind `<feature>.<event>` is worded at `<feature>.notifications.<event>`. */
function useNotificationText() {
  const { t, i18n } = useTranslation();
  return (n: Notification) => {
    const [feature, event] = n.kind.split('.', 2);
    const key = `${feature}.notifications.${event}`;
    return event && i18n.exists(key)
      ? String(t(key as never, formatParams(n.params) as never))
      : t('notifications.unknown');
  };
}

/** The header bell: unread count, the latest notifications, "mark all read"; polls every 30 s. */
export function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [opened, setOpened] = useState(false);
  const query = useNotifications();
  const markRead = useMarkRead();
  const markAllRead = useMarkAllRead();
  const text = useNotificationText();
  const unread = query.data?.unreadCount ?? 0;
  const items = query.data?.data ?? [];

  const open = (n: Notification) => {
    setOpened(false);
    if (!n.readAt) markRead.mutate(n.id);
    const path = recordPath(n.recordType, n.recordId);
    if (path) void navigate({ to: path as never });
  };
  const readAll = () =>
    markAllRead.mutate(undefined, {
      onSuccess: () => notifySuccess(t('notifications.markedAllRead')),
      onError: (error) => notifyError(t, error),
    });

  return (
    <Popover
      opened={opened}
      onChange={setOpened}
      width={360}
      position="bottom-end"
      shadow="md"
      withinPortal
      trapFocus
    >
      <Popover.Target>
        <Indicator
          label={unread > 99 ? '99+' : unread}
          size={18}
          color="red"
          disabled={unread === 0}
          offset={4}
        >
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            onClick={() => setOpened((o) => !o)}
            aria-label={
              unread > 0
                ? t('notifications.openWithCount', { count: unread })
                : t('notifications.open')
            }
            aria-expanded={opened}
            aria-haspopup="dialog"
          >
            <IconBell size={20} />
          </ActionIcon>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown p={0} role="dialog" aria-label={t('notifications.title')}>
        <Group justify="space-between" px="md" py="sm">
          <Text fw={600}>{t('notifications.title')}</Text>
          <Button
            variant="subtle"
            size="xs"
            leftSection={<IconChecks size={14} aria-hidden />}
            onClick={readAll}
            disabled={unread === 0}
            loading={markAllRead.isPending}
          >
            {t('notifications.markAllRead')}
          </Button>
        </Group>
        <Divider />
        {query.isError ? (
          <Box p="md">
            <ErrorAlert
              error={query.error}
              message={t('notifications.loadError')}
              onRetry={() => query.refetch()}
            />
          </Box>
        ) : items.length === 0 ? (
          <Stack align="center" gap={4} p="lg">
            <IconBellOff size={28} color="var(--mantine-color-gray-5)" aria-hidden />
            <Text fw={500}>{t('notifications.empty')}</Text>
            <Text size="sm" c="dimmed" ta="center">
              {t('notifications.emptyDescription')}
            </Text>
          </Stack>
        ) : (
          <ScrollArea.Autosize mah={420}>
            {items.map((n, i) => (
              <Fragment key={n.id}>
                {i > 0 && <Divider />}
                <UnstyledButton
                  onClick={() => open(n)}
                  px="md"
                  py="sm"
                  w="100%"
                  bg={n.readAt ? undefined : 'blue.0'}
                >
                  <Group wrap="nowrap" align="flex-start" gap="sm">
                    <Box
                      mt={6}
                      w={8}
                      h={8}
                      style={{ borderRadius: '50%', flexShrink: 0 }}
                      bg={n.readAt ? 'transparent' : 'blue.6'}
                      aria-label={n.readAt ? undefined : t('notifications.unread')}
                      role={n.readAt ? undefined : 'img'}
                    />
                    <Stack gap={2} style={{ minWidth: 0 }}>
                      <Text size="sm" fw={n.readAt ? 400 : 600}>
                        {text(n)}
                      </Text>
                      <Text size="xs" c="dimmed" title={formatDateTime(n.createdAt)}>
                        {fromNow(n.createdAt)}
                      </Text>
                    </Stack>
                  </Group>
                </UnstyledButton>
              </Fragment>
            ))}
          </ScrollArea.Autosize>
        )}
      </Popover.Dropdown>
    </Popover>
  );
}
