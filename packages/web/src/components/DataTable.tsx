import { Table } from '@mantine/core';
import type { ReactNode } from 'react';
import type { SortState } from '../lib/list-query';
import { SortableTh } from './SortableTh';

export type DataColumn<I> = {
  /** Identifies the column; for a sortable column, the field it sorts by. */
  key: string;
  header: string;
  cell: (row: I) => ReactNode;
  sortable?: boolean;
};

type DataTableProps<I extends { id: string }> = {
  /** Names the table for assistive tech. */
  label: string;
  rows: readonly I[];
  columns: readonly DataColumn<I>[];
  /** Below this width the table scrolls sideways instead of squeezing. */
  minWidth: number;
  /** Given, sortable columns get header buttons that carry aria-sort. */
  sort?: { state: SortState; onSort: (field: string) => void };
  /** Record lists: rows highlight on hover and cells keep to one line. */
  browsable?: boolean;
};

/** A table of rows by columns: record lists, users, invitations, API keys. */
export function DataTable<I extends { id: string }>(props: DataTableProps<I>) {
  const { label, rows, columns, minWidth, sort, browsable } = props;
  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table
        highlightOnHover={browsable}
        verticalSpacing="sm"
        style={browsable ? { whiteSpace: 'nowrap' } : undefined}
        aria-label={label}
      >
        <Table.Thead>
          <Table.Tr>
            {columns.map((column) =>
              sort && column.sortable ? (
                <SortableTh
                  key={column.key}
                  field={column.key}
                  label={column.header}
                  sort={sort.state}
                  onSort={sort.onSort}
                />
              ) : (
                <Table.Th key={column.key}>{column.header}</Table.Th>
              ),
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.id}>
              {columns.map((column) => (
                <Table.Td key={column.key}>{column.cell(row)}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
