import type { Lead } from '@guanxi/contract';
import { Group, Text } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Notice } from '../../components/Notice';
import { formatDate } from '../../lib/format';
import { RecordLink } from '../../records/RecordLink';
import type { RecordListPath } from '../../records/record-type';
import { accountsApi } from '../accounts/api';
import { contactsApi } from '../contacts/api';
import { opportunitiesApi } from '../opportunities/api';

type LinkedProps = {
  label: string;
  to: RecordListPath;
  id: string;
  useName: (id: string) => string | undefined;
};

/** "Account: 上海云杉科技" linking to the record; its name once loaded. */
function Linked({ label, to, id, useName }: LinkedProps) {
  const name = useName(id);
  return (
    <Text size="sm" component="span">
      {label}:{' '}
      <RecordLink to={to} id={id} size="sm" fw={500}>
        {name ?? '…'}
      </RecordLink>
    </Text>
  );
}

const useAccountName = (id: string) => accountsApi.useOne(id).data?.name;
const useContactName = (id: string) => contactsApi.useOne(id).data?.name;
const useOpportunityName = (id: string) => opportunitiesApi.useOne(id).data?.name;

/** On a converted lead: when, and links to the account, contact and opportunity it became. */
export function ConvertedBanner({ lead }: { lead: Lead }) {
  const { t } = useTranslation();
  if (lead.status !== 'converted') return null;
  return (
    <Notice
      color="teal"
      icon={<IconCircleCheck size={18} />}
      heading={t('leads.convertedTitle', { date: formatDate(lead.convertedAt) })}
      mb="md"
      role="status"
    >
      <Text size="sm" mt={2}>
        {t('leads.convertedHint')}
      </Text>
      <Group gap="lg" mt="xs">
        {lead.convertedAccountId && (
          <Linked
            label={t('leads.convertedAccount')}
            to="/accounts"
            id={lead.convertedAccountId}
            useName={useAccountName}
          />
        )}
        {lead.convertedContactId && (
          <Linked
            label={t('leads.convertedContact')}
            to="/contacts"
            id={lead.convertedContactId}
            useName={useContactName}
          />
        )}
        {lead.convertedOpportunityId && (
          <Linked
            label={t('leads.convertedOpportunity')}
            to="/opportunities"
            id={lead.convertedOpportunityId}
            useName={useOpportunityName}
          />
        )}
      </Group>
    </Notice>
  );
}
