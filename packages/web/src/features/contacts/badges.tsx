import type { Contact } from '@guanxi/contract';
import { Badge } from '@mantine/core';
import { useEnumLabels } from '../../i18n/enums';

const ROLE_COLORS: Record<string, string> = {
  decision_maker: 'red',
  influencer: 'orange',
  user: 'blue',
  finance: 'green',
  technical: 'cyan',
  other: 'gray',
};

export function BuyingRoleBadge({ role }: { role: Contact['buyingRole'] }) {
  const { label } = useEnumLabels();
  if (!role) return null;
  return (
    <Badge color={ROLE_COLORS[role] ?? 'gray'} variant="light" tt="none">
      {label('buyingRole', role)}
    </Badge>
  );
}
