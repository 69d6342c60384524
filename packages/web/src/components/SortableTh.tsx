import { Group, Table, Text, UnstyledButton } from '@mantine/core';
import { IconArrowsSort, IconSortAscending, IconSortDescending } from '@tabler/icons-react';
import type { SortState } from '../lib/list-query';

type SortableThProps = {
  field: string;
  label: string;
  sort: SortState;
  onSort: (field: string) => void;
};

/** A column header that is a button; the header carries aria-sort for assistive tech. */
export function SortableTh({ field, label, sort, onSort }: SortableThProps) {
  const active = sort?.field === field ? sort.direction : null;
  const Icon =
    active === 'asc' ? IconSortAscending : active === 'desc' ? IconSortDescending : IconArrowsSort;
  return (
    <Table.Th
      aria-sort={active === 'asc' ? 'ascending' : active === 'desc' ? 'descending' : 'none'}
      style={{ whiteSpace: 'nowrap' }}
    >
      <UnstyledButton onClick={() => onSort(field)}>
        <Group gap={4} wrap="nowrap">
          <Text fw={600} size="sm">
            {label}
          </Text>
          <Icon size={14} aria-hidden stroke={1.8} opacity={active ? 1 : 0.4} />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}
