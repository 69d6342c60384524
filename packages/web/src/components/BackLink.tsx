import { Anchor, Group } from '@mantine/core';
import { IconChevronLeft } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import type { RecordListPath } from '../records/record-type';

/** "‹ Accounts" above a record page. */
export function BackLink({ to, label }: { to: RecordListPath; label: string }) {
  return (
    <Anchor component={Link} to={to} size="sm" c="dimmed" mb="xs" display="inline-block">
      <Group gap={2}>
        <IconChevronLeft size={14} aria-hidden />
        {label}
      </Group>
    </Anchor>
  );
}
