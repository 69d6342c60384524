import type { Pool } from '@guanxi/contract';
import { Button, Group, List, Modal, Paper, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../components/ConfirmModal';
import { type DataColumn, DataTable } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { RowAction } from '../../components/RowAction';
import { TableSkeleton } from '../../components/TableSkeleton';
import { useEnumLabels } from '../../i18n/enums';
import { notifyError, notifyFailure, notifySuccess } from '../../lib/notify';
import { errorCode } from '../../lib/problem';
import { useDeletePool, usePools, useReclaimPreview, useRunReclaim } from './api';
import { PoolForm } from './PoolForm';
import { describeLimit, describeRules } from './pool-rules';

type Acting = { action: 'edit' | 'delete' | 'preview'; pool: Pool } | { action: 'new' };

/** Settings → Pools: every pool with its holding limit and reclaim rules in words. */
export function PoolSettings() {
  const { t } = useTranslation();
  const { label } = useEnumLabels();
  const pools = usePools();
  const remove = useDeletePool();
  const [acting, setActing] = useState<Acting | null>(null);

  if (pools.isPending) return <TableSkeleton />;
  if (pools.isError) return <ErrorAlert error={pools.error} onRetry={() => pools.refetch()} />;

  const onDelete = (pool: Pool) =>
    remove.mutate(pool.id, {
      onSuccess: () => notifySuccess(t('pools.settings.deleted')),
      onError: (error) =>
        errorCode(error) === 'conflict'
          ? notifyFailure(t('pools.settings.deleteMessage', { name: pool.name }))
          : notifyError(t, error),
      onSettled: () => setActing(null),
    });

  const columns: DataColumn<Pool>[] = [
    {
      key: 'name',
      header: t('pools.settings.columns.name'),
      cell: (pool) => (
        <Stack gap={0}>
          <Text size="sm" fw={500}>
            {pool.name}
          </Text>
          <Text size="xs" c="dimmed">
            {label('poolObject', pool.objectType)}
            {pool.description ? ` · ${pool.description}` : ''}
          </Text>
        </Stack>
      ),
    },
    {
      key: 'rules',
      header: t('pools.settings.columns.rules'),
      cell: (pool) => <Text size="sm">{describeRules(t, pool)}</Text>,
    },
    {
      key: 'holdingLimit',
      header: t('pools.settings.columns.holdingLimit'),
      cell: (pool) => describeLimit(t, pool),
    },
    { key: 'count', header: t('pools.settings.columns.count'), cell: (pool) => pool.pooledCount },
    {
      key: 'actions',
      header: t('common.actions'),
      cell: (pool) => (
        <Group gap="xs" wrap="nowrap">
          <RowAction
            label={t('common.edit')}
            rowName={pool.name}
            onClick={() => setActing({ action: 'edit', pool })}
          />
          {(pool.noActivityDays || pool.noWonDays) && (
            <RowAction
              label={t('pools.settings.preview')}
              rowName={pool.name}
              onClick={() => setActing({ action: 'preview', pool })}
            />
          )}
          <RowAction
            label={t('common.delete')}
            rowName={pool.name}
            color="red"
            onClick={() => setActing({ action: 'delete', pool })}
          />
        </Group>
      ),
    },
  ];

  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <Text size="sm" c="dimmed" maw={640}>
          {t('pools.settings.description')}
        </Text>
        <Button
          leftSection={<IconPlus size={16} aria-hidden />}
          onClick={() => setActing({ action: 'new' })}
        >
          {t('pools.settings.new')}
        </Button>
      </Group>
      <Paper withBorder radius="md" p="md">
        {pools.data.length === 0 ? (
          <Text c="dimmed">{t('pools.settings.empty')}</Text>
        ) : (
          <DataTable
            label={t('pools.settings.title')}
            rows={pools.data}
            columns={columns}
            minWidth={820}
          />
        )}
      </Paper>
      <PoolForm
        opened={acting?.action === 'new' || acting?.action === 'edit'}
        pool={acting?.action === 'edit' ? acting.pool : undefined}
        onClose={() => setActing(null)}
      />
      {acting?.action === 'delete' && (
        <ConfirmModal
          opened
          title={t('pools.settings.deleteTitle')}
          message={t('pools.settings.deleteMessage', { name: acting.pool.name })}
          confirmLabel={t('common.delete')}
          loading={remove.isPending}
          onConfirm={() => onDelete(acting.pool)}
          onClose={() => setActing(null)}
        />
      )}
      {acting?.action === 'preview' && (
        <ReclaimPreview pool={acting.pool} onClose={() => setActing(null)} />
      )}
    </Stack>
  );
}

/** What a pool's rules would take back now (a dry run), with the choice to do it. */
function ReclaimPreview({ pool, onClose }: { pool: Pool; onClose: () => void }) {
  const { t } = useTranslation();
  const preview = useReclaimPreview(pool);
  const run = useRunReclaim();
  const due = preview.data?.reclaimed ?? [];
  const reclaimNow = () =>
    run.mutate(
      { pool, dryRun: false },
      {
        onSuccess: (done) => {
          notifySuccess(t('pools.settings.reclaimRan', { count: done.reclaimed.length }));
          onClose();
        },
      },
    );
  return (
    <Modal opened onClose={onClose} title={t('pools.settings.previewTitle', { name: pool.name })}>
      <Stack>
        {preview.error && <ErrorAlert error={preview.error} />}
        {run.error && <ErrorAlert error={run.error} />}
        {preview.isPending && <TableSkeleton rows={2} />}
        {preview.data && due.length === 0 && (
          <Text size="sm">{t('pools.settings.previewEmpty')}</Text>
        )}
        {due.length > 0 && (
          <List size="sm" spacing={4}>
            {due.map((item) => (
              <List.Item key={item.recordId}>{item.name}</List.Item>
            ))}
          </List>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.close')}
          </Button>
          {due.length > 0 && (
            <Button color="orange" loading={run.isPending} onClick={reclaimNow}>
              {t('pools.settings.previewRun')}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
