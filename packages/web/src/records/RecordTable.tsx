import type { PermissionObject } from '@guanxi/contract';
import { Text } from '@mantine/core';
import { IconArrowBackUp } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { type DataColumn, DataTable } from '../components/DataTable';
import { RowAction } from '../components/RowAction';
import { fromNow } from '../lib/format';
import type { SortState } from '../lib/list-query';
import { useFieldAccess } from './field-access';
import { useRecordMessages } from './messages';
import { RecordLink } from './RecordLink';
import type { RecordBase, RecordListPath, RecordNamespace } from './record-type';
import { type RecordView, useRecordView } from './view';

/**
 * A column of a record list: headed by the field's label; empty cells show a dash. Left out
 * where the person's role hides the field.
 */
export type RecordColumn<T> = {
  field: string;
  /** The API can sort by this field. */
  sortable?: boolean;
  cell: (row: T, view: RecordView & { listPath: RecordListPath }) => ReactNode;
};

/** The record's name, linking to its page. */
export const nameColumn: RecordColumn<RecordBase> = {
  field: 'name',
  sortable: true,
  cell: (row, { listPath }) => (
    <RecordLink to={listPath} id={row.id} fw={500}>
      {row.name}
    </RecordLink>
  ),
};

export const ownerColumn: RecordColumn<RecordBase> = {
  field: 'ownerId',
  cell: (row, { ownerName }) => ownerName(row.ownerId),
};

export const updatedColumn: RecordColumn<RecordBase> = {
  field: 'updatedAt',
  sortable: true,
  cell: (row) => (
    <Text size="sm" c="dimmed" component="time" dateTime={row.updatedAt}>
      {fromNow(row.updatedAt)}
    </Text>
  ),
};

type RecordTableProps<T extends RecordBase> = {
  recordType: { object: PermissionObject; messages: RecordNamespace; listPath: RecordListPath };
  columns: readonly RecordColumn<T>[];
  rows: readonly T[];
  /** Omitted where the list is not sortable (e.g. inside another record's page). */
  sort?: { state: SortState; onSort: (field: string) => void };
  /** Set in the trash view: rows get a Restore button. */
  onRestore?: (row: T) => void;
  restoringId?: string | null;
};

const isEmpty = (value: ReactNode) =>
  value === null || value === undefined || value === '' || value === false;

export function RecordTable<T extends RecordBase>(props: RecordTableProps<T>) {
  const { recordType, columns, rows, sort, onRestore, restoringId } = props;
  const { t, text, fieldLabel } = useRecordMessages(recordType.messages);
  const view = { ...useRecordView(), listPath: recordType.listPath };
  const access = useFieldAccess(recordType.object);
  const dataColumns: DataColumn<T>[] = columns
    .filter((column) => access.visible(column.field))
    .map((column) => ({
      key: column.field,
      header: fieldLabel(column.field),
      sortable: column.sortable,
      cell: (row) => {
        const value = column.cell(row, view);
        return isEmpty(value) ? t('common.empty') : value;
      },
    }));
  if (onRestore) {
    dataColumns.push({
      key: 'actions',
      header: t('common.actions'),
      cell: (row) => (
        <RowAction
          label={t('common.restore')}
          rowName={row.name}
          icon={<IconArrowBackUp size={14} aria-hidden />}
          loading={restoringId === row.id}
          onClick={() => onRestore(row)}
        />
      ),
    });
  }
  return (
    <DataTable
      label={text('title')}
      rows={rows}
      columns={dataColumns}
      minWidth={860}
      sort={sort}
      browsable
    />
  );
}
