import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { RecordLink } from '../../records/RecordLink';
import { useOpportunityContacts } from './api';

/** The opportunity's primary contact by name (from its contact roles), linked to the contact. */
export function PrimaryContact({ opportunityId }: { opportunityId: string }) {
  const { t } = useTranslation();
  const { data } = useOpportunityContacts(opportunityId);
  const primary = data?.find((r) => r.isPrimary);
  if (!primary) return null;
  if (!primary.contactName) {
    return (
      <Text size="sm" c="dimmed" component="span">
        {t('opportunities.contactRoles.hidden')}
      </Text>
    );
  }
  return (
    <RecordLink to="/contacts" id={primary.contactId}>
      {primary.contactName}
    </RecordLink>
  );
}
