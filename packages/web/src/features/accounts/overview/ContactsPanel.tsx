import type { Contact } from '@guanxi/contract';
import { Button, EmptyState, Group, SegmentedControl, Text } from '@mantine/core';
import { IconUserPlus, IconUsers } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RecordFormModal } from '../../../records/RecordFormModal';
import { usePermissions } from '../../auth/session';
import {
  ACCOUNT_CONTACTS_LIMIT,
  type ContactDefaults,
  contactRecord,
  OrgChart,
} from '../../contacts';
import { ContactTable } from './ContactTable';
import { PanelCard } from './PanelCard';
import type { OverviewPanelProps } from './panels';

/** Past this many people a list reads better than a chart; the person can switch. */
const CHART_UP_TO = 12;

/** The account's contacts as an org chart with their buying roles (or as a list). */
export function ContactsPanel({ account, overview, readOnly }: OverviewPanelProps) {
  const { t } = useTranslation();
  const { can } = usePermissions();
  const contacts = overview.contacts;
  const [view, setView] = useState<'chart' | 'list' | null>(null);
  const [adding, setAdding] = useState<ContactDefaults | null>(null);
  if (contacts === null) return null;

  const shown = view ?? (contacts.length > CHART_UP_TO ? 'list' : 'chart');
  const canAdd = !readOnly && can('contact', 'create');
  const atAccount = { accountId: account.id, accountName: account.name };
  const addReport = (manager: Contact) =>
    setAdding({ ...atAccount, reportsToId: manager.id, reportsToName: manager.name });
  const addButton = canAdd && (
    <Button
      variant="light"
      leftSection={<IconUserPlus size={16} aria-hidden />}
      onClick={() => setAdding(atAccount)}
    >
      {t('customer360.contacts.add')}
    </Button>
  );

  return (
    <PanelCard
      title={t('customer360.contacts.title')}
      count={contacts.length}
      actions={contacts.length > 0 && addButton}
    >
      {contacts.length === 0 ? (
        <EmptyState
          py="md"
          title={t('customer360.contacts.emptyTitle')}
          description={t('customer360.contacts.emptyDescription')}
          icon={<IconUsers size={28} />}
          withIndicatorBackground
        >
          {addButton && <EmptyState.Actions>{addButton}</EmptyState.Actions>}
        </EmptyState>
      ) : (
        <>
          <Group justify="flex-end" mb="xs">
            <SegmentedControl
              size="xs"
              value={shown}
              onChange={(value) => setView(value as 'chart' | 'list')}
              aria-label={t('customer360.contacts.view')}
              data={[
                { value: 'chart', label: t('customer360.contacts.chart') },
                { value: 'list', label: t('customer360.contacts.list') },
              ]}
            />
          </Group>
          {shown === 'chart' ? (
            <OrgChart
              contacts={contacts}
              label={t('customer360.contacts.chartLabel', { name: account.name })}
              onAddReport={canAdd ? addReport : undefined}
            />
          ) : (
            <ContactTable
              contacts={contacts}
              label={t('customer360.contacts.listLabel', { name: account.name })}
            />
          )}
        </>
      )}
      {contacts.length >= ACCOUNT_CONTACTS_LIMIT && (
        <Text size="xs" c="dimmed" mt="sm">
          {t('customer360.contacts.truncated', { count: contacts.length })}
        </Text>
      )}
      <RecordFormModal
        recordType={contactRecord}
        opened={adding !== null}
        onClose={() => setAdding(null)}
        defaults={adding ?? undefined}
      />
    </PanelCard>
  );
}
