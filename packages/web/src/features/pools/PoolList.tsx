import type { Holdings, Pool } from '@guanxi/contract';
import { Badge, Button, EmptyState, Group, Paper, Tabs, Text, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconHandGrab, IconLifebuoy, IconSearch } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadMoreButton } from '../../components/LoadMoreButton';
import { PageHeader } from '../../components/PageHeader';
import { TableSkeleton } from '../../components/TableSkeleton';
import { useEnumLabels } from '../../i18n/enums';
import { searchString } from '../../lib/list-query';
import { notifyFailure, notifySuccess } from '../../lib/notify';
import { usePermissions } from '../auth/session';
import { type PooledRecord, useClaim, useHoldings, usePoolRecords, usePools } from './api';
import { describeClaimError } from './claim-errors';
import { PoolRecordsTable } from './PoolRecordsTable';

export type PoolSearch = { pool?: string; q?: string };
export const validatePoolSearch = (search: Record<string, unknown>): PoolSearch => ({
  pool: searchString(search, 'pool'),
  q: searchString(search, 'q'),
});

/** "My accounts: 3 / 50" for the open pool's object. */
function HoldingIndicator({
  pool,
  holdings,
}: {
  pool: Pool;
  holdings: Holdings['data'] | undefined;
}) {
  const { t } = useTranslation();
  const { label } = useEnumLabels();
  const held = holdings?.find((h) => h.objectType === pool.objectType)?.held;
  if (held === undefined) return null;
  const object = label('poolObject', pool.objectType);
  const full = pool.holdingLimit !== null && held >= pool.holdingLimit;
  return (
    <Badge size="lg" variant="light" color={full ? 'red' : 'blue'} tt="none" aria-live="polite">
      {pool.holdingLimit === null
        ? t('pools.holdingUnlimited', { object, held })
        : t('pools.holding', { object, held, limit: pool.holdingLimit })}
    </Badge>
  );
}

/** The public pool (公海): one tab per pool the person may see, with what waits in it. */
export function PoolList({ search }: { search: PoolSearch }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const pools = usePools();
  const holdings = useHoldings();

  let content: ReactNode;
  if (pools.isPending) content = <TableSkeleton />;
  else if (pools.isError)
    content = <ErrorAlert error={pools.error} onRetry={() => pools.refetch()} />;
  else if (pools.data.length === 0) {
    content = (
      <Paper withBorder radius="md" p="md">
        <EmptyState
          py="xl"
          title={t('pools.noPoolsTitle')}
          description={t('pools.noPoolsDescription')}
          withIndicatorBackground
          icon={<IconLifebuoy size={28} />}
        />
      </Paper>
    );
  }
  const active = pools.data?.find((p) => p.id === search.pool) ?? pools.data?.[0];

  return (
    <>
      <PageHeader
        title={t('pools.title')}
        subtitle={t('pools.subtitle')}
        actions={active && <HoldingIndicator pool={active} holdings={holdings.data} />}
      />
      {content ??
        (active && (
          <>
            <Tabs
              value={active.id}
              onChange={(pool) => pool && navigate({ to: '/pools', search: { pool } })}
              mb="md"
            >
              <Tabs.List>
                {pools.data?.map((pool) => (
                  <Tabs.Tab key={pool.id} value={pool.id}>
                    {t('pools.tab', { name: pool.name, count: pool.pooledCount })}
                  </Tabs.Tab>
                ))}
              </Tabs.List>
            </Tabs>
            <PoolPanel
              key={active.id}
              pool={active}
              q={search.q ?? ''}
              onSearch={(q) =>
                navigate({
                  to: '/pools',
                  search: { pool: active.id, q: q || undefined },
                  replace: true,
                })
              }
            />
          </>
        ))}
    </>
  );
}

type PoolPanelProps = { pool: Pool; q: string; onSearch: (q: string) => void };

/** One pool: quick search, its records, single and bulk claims with reasons in words. */
function PoolPanel({ pool, q, onSearch }: PoolPanelProps) {
  const { t } = useTranslation();
  const { can } = usePermissions();
  const query = usePoolRecords(pool.id, q);
  const claim = useClaim(pool.objectType);
  const [text, setText] = useState(q);
  const commit = useDebouncedCallback(onSearch, 300);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [bulkClaiming, setBulkClaiming] = useState(false);
  const rows = query.data?.pages.flatMap((page) => page.data) ?? [];
  const canClaim = can(pool.objectType, 'update');

  const select = (ids: string[], on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      for (const id of ids) on ? next.add(id) : next.delete(id);
      return next;
    });

  const claimOne = (row: PooledRecord) =>
    claim.mutate(row.id, {
      onSuccess: () => {
        notifySuccess(t('pools.claimed', { name: row.name }));
        select([row.id], false);
      },
      onError: (error) => notifyFailure(describeClaimError(t, error, row.name)),
    });

  /** Claims the selected rows one by one; stops at the first refusal and says why. */
  const claimSelected = async () => {
    setBulkClaiming(true);
    let claimed = 0;
    for (const row of rows.filter((r) => selected.has(r.id))) {
      try {
        await claim.mutateAsync(row.id);
        claimed++;
        select([row.id], false);
      } catch (error) {
        notifyFailure(describeClaimError(t, error, row.name));
        break;
      }
    }
    setBulkClaiming(false);
    if (claimed > 0) notifySuccess(t('pools.claimedMany', { count: claimed }));
  };

  let content: ReactNode;
  if (query.isPending) content = <TableSkeleton />;
  else if (query.isError)
    content = <ErrorAlert error={query.error} onRetry={() => query.refetch()} />;
  else if (rows.length === 0) {
    content = (
      <EmptyState
        py="xl"
        title={q ? t('pools.noMatchTitle') : t('pools.emptyTitle')}
        description={q ? t('pools.noMatchDescription') : t('pools.emptyDescription')}
        withIndicatorBackground
        icon={<IconLifebuoy size={28} />}
      />
    );
  } else {
    content = (
      <>
        <PoolRecordsTable
          pool={pool}
          rows={rows}
          selected={selected}
          onSelect={select}
          onClaim={claimOne}
          claimingId={claim.isPending && !bulkClaiming ? (claim.variables ?? null) : null}
          canClaim={canClaim}
        />
        <Group justify="space-between" mt="md">
          <Text size="sm" c="dimmed" aria-live="polite">
            {t('common.showing', { count: rows.length })}
          </Text>
          {query.hasNextPage && <LoadMoreButton query={query} />}
        </Group>
      </>
    );
  }

  return (
    <>
      <Group gap="sm" mb="md" justify="space-between" wrap="wrap">
        <TextInput
          aria-label={t('pools.searchLabel')}
          placeholder={t('pools.searchPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={text}
          onChange={(event) => {
            setText(event.currentTarget.value);
            commit(event.currentTarget.value);
          }}
          w={{ base: '100%', sm: 280 }}
          type="search"
        />
        {canClaim && selected.size > 0 && (
          <Button
            leftSection={<IconHandGrab size={16} aria-hidden />}
            loading={bulkClaiming}
            onClick={claimSelected}
          >
            {t('pools.claimSelected', { count: selected.size })}
          </Button>
        )}
      </Group>
      <Paper withBorder radius="md" p="md">
        {content}
      </Paper>
    </>
  );
}
