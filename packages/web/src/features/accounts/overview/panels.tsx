import type { Account, AccountOverview } from '@guanxi/contract';
import { Paper } from '@mantine/core';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import type { LabelledDetailItem } from '../../../records/RecordDetailPage';
import { ActivityTimeline } from '../../activities';
import { TaskPanel } from '../../tasks';
import { ContactsPanel } from './ContactsPanel';
import { KeyFacts } from './KeyFacts';
import { OpportunitiesPanel } from './OpportunitiesPanel';
import { PanelCard } from './PanelCard';

/** What every panel of the account 360 gets. */
export type OverviewPanelProps = {
  account: Account;
  overview: AccountOverview;
  /** The account's details the person may see, labelled (for the key facts). */
  details: LabelledDetailItem[];
  /** The account is in the trash: show, do not add. */
  readOnly: boolean;
};

/**
 * One panel of the account 360. A panel renders nothing when its part of the overview is null
 * (the person's role may not read that kind of record).
 */
export type OverviewPanel = {
  key: string;
  /** Left: about the company and its people; right: the deals and the work on them. */
  column: 'left' | 'right';
  Panel: ComponentType<OverviewPanelProps>;
};

function KeyFactsPanel(props: OverviewPanelProps) {
  const { t } = useTranslation();
  return (
    <PanelCard title={t('customer360.facts.title')}>
      <KeyFacts {...props} />
    </PanelCard>
  );
}

function TasksPanel({ account, overview, readOnly }: OverviewPanelProps) {
  if (overview.openTasks === null) return null;
  return (
    <Paper withBorder radius="md" p="md" component="section">
      <TaskPanel link={{ accountId: account.id }} readOnly={readOnly} />
    </Paper>
  );
}

function ActivitiesPanel({ account, overview, readOnly }: OverviewPanelProps) {
  if (overview.activities === null) return null;
  return (
    <Paper withBorder radius="md" p="md" component="section">
      <ActivityTimeline link={{ accountId: account.id }} readOnly={readOnly} />
    </Paper>
  );
}

/**
 * The panels of the account page, in order per column. A later module (quotes, contracts,
 * payments, cases) adds its part to the overview answer and one entry here.
 */
export const overviewPanels: OverviewPanel[] = [
  { key: 'facts', column: 'left', Panel: KeyFactsPanel },
  { key: 'contacts', column: 'left', Panel: ContactsPanel },
  { key: 'opportunities', column: 'right', Panel: OpportunitiesPanel },
  { key: 'tasks', column: 'right', Panel: TasksPanel },
  { key: 'activities', column: 'right', Panel: ActivitiesPanel },
];
