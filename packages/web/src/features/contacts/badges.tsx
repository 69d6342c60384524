import type { Contact } from '@guanxi/contract';
import { EnumBadge } from '../../components/EnumBadge';

const ROLE_COLORS = {
  decision_maker: 'red',
  influencer: 'orange',
  user: 'blue',
  finance: 'green',
  technical: 'cyan',
  other: 'gray',
};

export const BuyingRoleBadge = ({ role }: { role: Contact['buyingRole'] }) => (
  <EnumBadge kind="buyingRole" value={role} colors={ROLE_COLORS} variant="light" />
);
