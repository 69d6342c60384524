import type { AuditEntry } from '@guanxi/contract';
import { Badge, Group, Paper, Select, Stack, Text, Tooltip } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type DataColumn, DataTable } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadMoreButton } from '../../components/LoadMoreButton';
import { TableSkeleton } from '../../components/TableSkeleton';
import { useEnumLabels } from '../../i18n/enums';
import { formatDateTime, fromNow } from '../../lib/format';
import { RecordLink } from '../../records/RecordLink';
import { AuditChanges } from './AuditChanges';
import { type AuditLogFilters, useAuditLog } from './api';
import { useAuditFormat } from './audit-format';
import { OwnerSelect } from './OwnerSelect';

const OBJECT_TYPES = ['account', 'contact', 'user', 'role', 'department', 'invitation', 'apiKey'];
const RECORD_PAGES = { account: '/accounts', contact: '/contacts' } as const;

/** Every change in the workspace, newest first, filtered by object type and by user. */
export function AuditLog() {
  const { t } = useTranslation();
  const { label, options } = useEnumLabels();
  const [filters, setFilters] = useState<AuditLogFilters>({});
  const log = useAuditLog(filters);
  const format = useAuditFormat();
  const entries = log.data?.pages.flatMap((page) => page.data) ?? [];
  const filtered = Boolean(filters.objectType || filters.actorId);

  const columns: DataColumn<AuditEntry>[] = [
    {
      key: 'at',
      header: t('auditLog.columns.at'),
      cell: (entry) => (
        <Tooltip label={formatDateTime(entry.at)}>
          <Text size="sm" component="time" dateTime={entry.at} style={{ whiteSpace: 'nowrap' }}>
            {fromNow(entry.at)}
          </Text>
        </Tooltip>
      ),
    },
    {
      key: 'actor',
      header: t('auditLog.columns.actor'),
      cell: (entry) => (
        <Group gap={6} wrap="nowrap">
          <Text size="sm" fw={500}>
            {entry.actorName ??
              (entry.via === 'system' ? t('history.system') : t('common.unknownUser'))}
          </Text>
          {entry.via === 'apiKey' && (
            <Badge size="xs" variant="light" color="grape" tt="none">
              {t('history.viaApiKey')}
            </Badge>
          )}
        </Group>
      ),
    },
    {
      key: 'object',
      header: t('auditLog.columns.object'),
      cell: (entry) => {
        const name = format.recordName(entry);
        const page = RECORD_PAGES[entry.objectType as keyof typeof RECORD_PAGES];
        return (
          <Stack gap={0}>
            <Text size="xs" c="dimmed">
              {label('auditObject', entry.objectType)}
            </Text>
            {page ? (
              <RecordLink to={page} id={entry.recordId} size="sm">
                {name ?? t('auditLog.openRecord')}
              </RecordLink>
            ) : (
              name && <Text size="sm">{name}</Text>
            )}
          </Stack>
        );
      },
    },
    {
      key: 'action',
      header: t('auditLog.columns.action'),
      cell: (entry) => label('auditAction', entry.action),
    },
    {
      key: 'changes',
      header: t('auditLog.columns.changes'),
      cell: (entry) => <AuditChanges entry={entry} format={format} />,
    },
  ];

  return (
    <Paper withBorder radius="md" p="md">
      <Stack>
        <Text size="sm" c="dimmed">
          {t('auditLog.description')}
        </Text>
        <Group gap="sm" align="flex-end">
          <Select
            label={t('auditLog.objectFilter')}
            placeholder={t('auditLog.anyObject')}
            data={options('auditObject', OBJECT_TYPES)}
            value={filters.objectType ?? null}
            onChange={(value) => setFilters((f) => ({ ...f, objectType: value ?? undefined }))}
            clearable
            w={180}
          />
          <OwnerSelect
            label={t('auditLog.actorFilter')}
            placeholder={t('auditLog.anyActor')}
            value={filters.actorId ?? null}
            onChange={(value) => setFilters((f) => ({ ...f, actorId: value ?? undefined }))}
            includeInactive
            clearable
            w={200}
          />
        </Group>
        {log.isPending ? (
          <TableSkeleton />
        ) : log.isError ? (
          <ErrorAlert error={log.error} onRetry={() => log.refetch()} />
        ) : entries.length === 0 ? (
          <Text c="dimmed" size="sm">
            {filtered ? t('auditLog.noMatch') : t('auditLog.empty')}
          </Text>
        ) : (
          <DataTable label={t('auditLog.title')} rows={entries} columns={columns} minWidth={900} />
        )}
        {log.hasNextPage && (
          <Group justify="center">
            <LoadMoreButton query={log} />
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
