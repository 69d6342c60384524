import { Button, type MantineColor } from '@mantine/core';
import type { ReactNode } from 'react';

type RowActionProps = {
  label: string;
  /** What the row is called; the button is named "<label> <rowName>" for assistive tech. */
  rowName: string;
  onClick: () => void;
  color?: MantineColor;
  icon?: ReactNode;
  loading?: boolean;
};

/** A small button acting on one table row (restore, revoke, deactivate). */
export function RowAction({ label, rowName, onClick, color, icon, loading }: RowActionProps) {
  return (
    <Button
      size="xs"
      variant="light"
      color={color}
      leftSection={icon}
      loading={loading}
      onClick={onClick}
      aria-label={`${label} ${rowName}`}
    >
      {label}
    </Button>
  );
}
