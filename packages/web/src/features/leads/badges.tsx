import type { Lead } from '@guanxi/contract';
import { EnumBadge } from '../../components/EnumBadge';

const STATUS_COLORS = {
  new: 'blue',
  working: 'cyan',
  nurturing: 'grape',
  qualified: 'green',
  disqualified: 'gray',
  converted: 'teal',
};

const STAGE_COLORS = {
  subscriber: 'gray',
  lead: 'blue',
  mql: 'indigo',
  sql: 'violet',
  opportunity: 'orange',
  customer: 'green',
};

export const LeadStatusBadge = ({ status }: { status: Lead['status'] }) => (
  <EnumBadge kind="leadStatus" value={status} colors={STATUS_COLORS} variant="light" />
);

export const LifecycleBadge = ({ stage }: { stage: Lead['lifecycleStage'] }) => (
  <EnumBadge kind="lifecycleStage" value={stage} colors={STAGE_COLORS} variant="outline" />
);
