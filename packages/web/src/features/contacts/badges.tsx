import type { Contact } from '@guanxi/contract';
import { EnumBadge } from '../../components/EnumBadge';

/** A color per buying role: the badge's, and the org chart's avatars. */
export const BUYING_ROLE_COLORS: Record<string, string> = {
  decision_maker: 'red',
  influencer: 'orange',
  user: 'blue',
  finance: 'green',
  technical: 'cyan',
  other: 'gray',
};

export const BuyingRoleBadge = ({ role }: { role: Contact['buyingRole'] }) => (
  <EnumBadge kind="buyingRole" value={role} colors={BUYING_ROLE_COLORS} variant="light" />
);
