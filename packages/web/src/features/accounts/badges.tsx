import type { Account } from '@guanxi/contract';
import { Badge } from '@mantine/core';
import { useEnumLabels } from '../../i18n/enums';

const TIER_COLORS: Record<string, string> = { A: 'grape', B: 'blue', C: 'teal', D: 'gray' };
const STATUS_COLORS: Record<string, string> = {
  prospect: 'blue',
  active: 'green',
  dormant: 'yellow',
  churned: 'gray',
};

export function TierBadge({ tier }: { tier: Account['tier'] }) {
  const { label } = useEnumLabels();
  if (!tier) return null;
  return (
    <Badge color={TIER_COLORS[tier]} variant="light" tt="none">
      {label('tier', tier)}
    </Badge>
  );
}

export function StatusBadge({ status }: { status: Account['status'] }) {
  const { label } = useEnumLabels();
  return (
    <Badge color={STATUS_COLORS[status] ?? 'gray'} variant="dot" tt="none">
      {label('status', status)}
    </Badge>
  );
}
