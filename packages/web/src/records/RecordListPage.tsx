import { Button, EmptyState, Group, Paper, Text } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { type ReactNode, useState } from 'react';
import { ErrorAlert } from '../components/ErrorAlert';
import { LoadMoreButton } from '../components/LoadMoreButton';
import { PageHeader } from '../components/PageHeader';
import { TableSkeleton } from '../components/TableSkeleton';
import { usePermissions } from '../features/auth/session';
import { parseSort, toggleSort } from '../lib/list-query';
import { notifyError, notifySuccess } from '../lib/notify';
import { useFieldAccess } from './field-access';
import { useRecordMessages } from './messages';
import { RecordFilters } from './RecordFilters';
import { RecordFormModal } from './RecordFormModal';
import { type RecordColumn, RecordTable } from './RecordTable';
import type { RecordBase, RecordType } from './record-type';
import { filterQuery, isFiltered, type RecordSearch } from './search';

type RecordListPageProps<T extends RecordBase, K extends string, D> = {
  recordType: RecordType<T, K, D>;
  /** The list route's validated search. */
  search: RecordSearch<K>;
  columns: readonly RecordColumn<T>[];
  /** More header actions, before "New" (e.g. a list/board switch). */
  actions?: ReactNode;
};

/** A record type's list page: search, filters, sortable table, trash view, "Load more", create. */
export function RecordListPage<T extends RecordBase, K extends string, D>({
  recordType,
  search,
  columns,
  actions,
}: RecordListPageProps<T, K, D>) {
  const { t, text } = useRecordMessages(recordType.messages);
  const navigate = useNavigate();
  const { can } = usePermissions();
  const [creating, setCreating] = useState(false);
  const restore = recordType.api.useRestore();
  // The API refuses filtering or sorting on a field the role hides, e.g. from an old bookmark.
  const access = useFieldAccess(recordType.object);
  const filters = recordType.filters.filter((filter) => access.visible(filter.field));
  const sortField = parseSort(search.sort)?.field;
  const sort = sortField && access.visible(sortField) ? search.sort : undefined;
  const query = recordType.api.useList({
    q: search.q,
    sort,
    deleted: search.trash,
    filter: filterQuery(filters, search),
  });
  const rows = query.data?.pages.flatMap((page) => page.data) ?? [];
  const filtered = isFiltered(filters, search);

  const update = (patch: Partial<RecordSearch<K>>) =>
    navigate({ to: recordType.listPath, search: { ...search, ...patch }, replace: true });

  const onRestore = (row: T) =>
    restore.mutate(row.id, {
      onSuccess: () => notifySuccess(text('restored')),
      onError: (error) => notifyError(t, error),
    });

  const newButton = can(recordType.object, 'create') && (
    <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
      {text('new')}
    </Button>
  );

  let content: ReactNode;
  if (query.isPending) content = <TableSkeleton />;
  else if (query.isError)
    content = <ErrorAlert error={query.error} onRetry={() => query.refetch()} />;
  else if (rows.length === 0) {
    const [title, description] = search.trash
      ? [text('trashEmptyTitle'), text('trashEmptyDescription')]
      : filtered
        ? [text('noMatchTitle'), text('noMatchDescription')]
        : [text('emptyTitle'), text('emptyDescription')];
    const Icon = search.trash ? IconTrash : recordType.icon;
    content = (
      <EmptyState
        py="xl"
        title={title}
        description={description}
        withIndicatorBackground
        icon={<Icon size={28} />}
      >
        {!search.trash && !filtered && newButton && (
          <EmptyState.Actions>{newButton}</EmptyState.Actions>
        )}
      </EmptyState>
    );
  } else {
    content = (
      <>
        <RecordTable
          recordType={recordType}
          columns={columns}
          rows={rows}
          sort={{
            state: parseSort(sort),
            onSort: (field) => update({ sort: toggleSort(search.sort, field) }),
          }}
          onRestore={search.trash ? onRestore : undefined}
          restoringId={restore.isPending ? restore.variables : null}
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
      <PageHeader
        title={search.trash ? `${text('title')} · ${t('common.trash')}` : text('title')}
        subtitle={text('subtitle')}
        actions={
          (actions || newButton) && (
            <>
              {actions}
              {newButton}
            </>
          )
        }
      />
      <RecordFilters recordType={recordType} filters={filters} search={search} onChange={update} />
      <Paper withBorder radius="md" p="md">
        {content}
      </Paper>
      <RecordFormModal
        recordType={recordType}
        opened={creating}
        onClose={() => setCreating(false)}
        onSaved={(saved) =>
          navigate({ to: `${recordType.listPath}/$id` as const, params: { id: saved.id } })
        }
      />
    </>
  );
}
