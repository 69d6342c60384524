import type { Account } from '@guanxi/contract';
import { IconTargetArrow } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { buildFilter } from '../../lib/list-query';
import { RelatedRecords } from '../../records/RelatedRecords';
import { opportunityColumns } from './OpportunityList';
import { opportunityRecord } from './record';

/** Inside an account page the account column says nothing new. */
const columns = opportunityColumns.filter((column) => column.field !== 'accountId');

/** The opportunities of one account, with "New opportunity" prefilled with it. */
export function AccountOpportunities({ account }: { account: Account }) {
  const { t } = useTranslation();
  return (
    <RelatedRecords
      recordType={opportunityRecord}
      filter={buildFilter({ accountId: { eq: account.id } })}
      sort="-updatedAt"
      columns={columns}
      defaults={{ accountId: account.id, accountName: account.name }}
      canAdd={!account.deletedAt}
      addLabel={t('opportunities.new')}
      addIcon={IconTargetArrow}
      emptyTitle={t('opportunities.emptyTitle')}
      emptyDescription={t('opportunities.emptyDescription')}
    />
  );
}
