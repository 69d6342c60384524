import type { Account } from '@guanxi/contract';
import { EnumBadge } from '../../components/EnumBadge';

const TIER_COLORS = { A: 'grape', B: 'blue', C: 'teal', D: 'gray' };
const STATUS_COLORS = { prospect: 'blue', active: 'green', dormant: 'yellow', churned: 'gray' };

export const TierBadge = ({ tier }: { tier: Account['tier'] }) => (
  <EnumBadge kind="tier" value={tier} colors={TIER_COLORS} variant="light" />
);

export const StatusBadge = ({ status }: { status: Account['status'] }) => (
  <EnumBadge kind="status" value={status} colors={STATUS_COLORS} variant="dot" />
);
