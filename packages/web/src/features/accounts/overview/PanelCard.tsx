import { Badge, Group, Paper, Title } from '@mantine/core';
import type { ReactNode } from 'react';

type PanelCardProps = {
  title?: ReactNode;
  /** Shown as a badge next to the title. */
  count?: number;
  /** Buttons or controls at the right of the title. */
  actions?: ReactNode;
  children: ReactNode;
};

/** One panel of the account 360: a card with a heading, as the activity and task panels have. */
export function PanelCard({ title, count, actions, children }: PanelCardProps) {
  return (
    <Paper withBorder radius="md" p="md" component="section">
      {(title || actions) && (
        <Group justify="space-between" mb="sm" gap="xs" wrap="wrap">
          <Group gap="xs">
            {title && (
              <Title order={3} size="h4">
                {title}
              </Title>
            )}
            {count !== undefined && count > 0 && (
              <Badge variant="light" color="gray" circle={count < 10}>
                {count}
              </Badge>
            )}
          </Group>
          {actions && <Group gap="xs">{actions}</Group>}
        </Group>
      )}
      {children}
    </Paper>
  );
}
