import { Button, EmptyState, Group } from '@mantine/core';
import type { Icon } from '@tabler/icons-react';
import { useState } from 'react';
import { ErrorAlert } from '../components/ErrorAlert';
import { LoadMoreButton } from '../components/LoadMoreButton';
import { TableSkeleton } from '../components/TableSkeleton';
import { usePermissions } from '../features/auth/session';
import { RecordFormModal } from './RecordFormModal';
import { type RecordColumn, RecordTable } from './RecordTable';
import type { RecordBase, RecordType } from './record-type';

type RelatedRecordsProps<T extends RecordBase, K extends string, D> = {
  /** The related record type, e.g. contacts on an account's page. */
  recordType: RecordType<T, K, D>;
  /** The API filter that selects the related records. */
  filter: string | undefined;
  sort: string;
  columns: readonly RecordColumn<T>[];
  /** Prefills of a record added here, e.g. the account it belongs to. */
  defaults: D;
  /** Whether the page allows adding at all (not to a record in the trash). */
  canAdd: boolean;
  addLabel: string;
  addIcon: Icon;
  emptyTitle: string;
  emptyDescription: string;
};

/** Records that belong to the one on the page, with "Add" prefilled to belong to it too. */
export function RelatedRecords<T extends RecordBase, K extends string, D>(
  props: RelatedRecordsProps<T, K, D>,
) {
  const { recordType, columns, addIcon: AddIcon, emptyTitle, emptyDescription } = props;
  const { can } = usePermissions();
  const [adding, setAdding] = useState(false);
  const query = recordType.api.useList({ filter: props.filter, sort: props.sort });
  const rows = query.data?.pages.flatMap((page) => page.data) ?? [];
  const canAdd = can(recordType.object, 'create') && props.canAdd;

  const addButton = canAdd && (
    <Button leftSection={<AddIcon size={16} aria-hidden />} onClick={() => setAdding(true)}>
      {props.addLabel}
    </Button>
  );

  return (
    <>
      {query.isPending ? (
        <TableSkeleton rows={3} />
      ) : query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => query.refetch()} />
      ) : rows.length === 0 ? (
        <EmptyState
          py="lg"
          title={emptyTitle}
          description={emptyDescription}
          icon={<recordType.icon size={28} />}
          withIndicatorBackground
        >
          {addButton && <EmptyState.Actions>{addButton}</EmptyState.Actions>}
        </EmptyState>
      ) : (
        <>
          {addButton && (
            <Group justify="flex-end" mb="sm">
              {addButton}
            </Group>
          )}
          <RecordTable recordType={recordType} columns={columns} rows={rows} />
          {query.hasNextPage && (
            <Group justify="center" mt="md">
              <LoadMoreButton query={query} />
            </Group>
          )}
        </>
      )}
      <RecordFormModal
        recordType={recordType}
        opened={adding}
        onClose={() => setAdding(false)}
        defaults={props.defaults}
      />
    </>
  );
}
