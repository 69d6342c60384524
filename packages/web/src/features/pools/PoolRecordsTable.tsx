import type { Pool } from '@guanxi/contract';
import { Checkbox, Stack, Text, Tooltip } from '@mantine/core';
import { IconHandGrab } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { type DataColumn, DataTable } from '../../components/DataTable';
import { RowAction } from '../../components/RowAction';
import { useEnumLabels } from '../../i18n/enums';
import { formatDate, fromNow } from '../../lib/format';
import type { PooledRecord } from './api';

type PoolRecordsTableProps = {
  pool: Pool;
  rows: readonly PooledRecord[];
  selected: ReadonlySet<string>;
  onSelect: (ids: string[], on: boolean) => void;
  onClaim: (row: PooledRecord) => void;
  claimingId: string | null;
  canClaim: boolean;
};

const daysSince = (iso: string | null) => (iso ? dayjs().diff(dayjs(iso), 'day') : null);

/** The records waiting in one pool, each with a Claim button and a box for bulk claims. */
export function PoolRecordsTable(props: PoolRecordsTableProps) {
  const { pool, rows, selected, onSelect, onClaim, claimingId, canClaim } = props;
  const { t } = useTranslation();
  const { label } = useEnumLabels();
  const allSelected = rows.length > 0 && rows.every((r) => selected.has(r.id));
  const someSelected = rows.some((r) => selected.has(r.id));

  const columns: DataColumn<PooledRecord>[] = [];
  if (canClaim) {
    columns.push({
      key: 'select',
      header: '',
      cell: (row) => (
        <Checkbox
          aria-label={t('pools.selectRow', { name: row.name })}
          checked={selected.has(row.id)}
          onChange={(event) => onSelect([row.id], event.currentTarget.checked)}
        />
      ),
    });
  }
  columns.push(
    {
      key: 'name',
      header: t('pools.columns.name'),
      cell: (row) => (
        <Text size="sm" fw={500}>
          {row.name}
        </Text>
      ),
    },
    pool.objectType === 'lead'
      ? {
          key: 'company',
          header: t('pools.columns.company'),
          cell: (row) => ('company' in row ? row.company : null) || t('common.empty'),
        }
      : {
          key: 'industry',
          header: t('pools.columns.industry'),
          cell: (row) => label('industry', row.industry) || t('common.empty'),
        },
    {
      key: 'region',
      header: t('pools.columns.region'),
      cell: (row) =>
        ('region' in row ? row.region : [row.province, row.city].filter(Boolean).join(' ')) ||
        t('common.empty'),
    },
    {
      key: 'lastActivityAt',
      header: t('pools.columns.lastActivityAt'),
      cell: (row) => (row.lastActivityAt ? fromNow(row.lastActivityAt) : t('pools.never')),
    },
    {
      key: 'entry',
      header: t('pools.columns.entry'),
      cell: (row) => (
        <Stack gap={0}>
          <Text size="sm">{label('poolEntry', row.poolEntry) || t('common.empty')}</Text>
          {row.returnReason && (
            <Tooltip label={row.returnReason} multiline maw={320}>
              <Text size="xs" c="dimmed" truncate maw={220}>
                {row.returnReason}
              </Text>
            </Tooltip>
          )}
        </Stack>
      ),
    },
    {
      key: 'pooledAt',
      header: t('pools.columns.pooledAt'),
      cell: (row) => formatDate(row.pooledAt) || t('common.empty'),
    },
    {
      key: 'daysInPool',
      header: t('pools.columns.daysInPool'),
      cell: (row) => {
        const days = daysSince(row.pooledAt);
        return days === null ? t('common.empty') : t('pools.days', { count: days });
      },
    },
  );
  if (canClaim) {
    columns.push({
      key: 'actions',
      header: t('pools.columns.actions'),
      cell: (row) => (
        <RowAction
          label={t('pools.claim')}
          rowName={row.name}
          icon={<IconHandGrab size={14} aria-hidden />}
          loading={claimingId === row.id}
          onClick={() => onClaim(row)}
        />
      ),
    });
  }

  return (
    <>
      {canClaim && (
        <Checkbox
          mb="xs"
          size="xs"
          label={t('pools.selectAll')}
          checked={allSelected}
          indeterminate={someSelected && !allSelected}
          onChange={(event) =>
            onSelect(
              rows.map((r) => r.id),
              event.currentTarget.checked,
            )
          }
        />
      )}
      <DataTable label={pool.name} rows={rows} columns={columns} minWidth={900} browsable />
    </>
  );
}
