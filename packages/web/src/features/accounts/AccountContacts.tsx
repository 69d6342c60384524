import type { Account } from '@guanxi/contract';
import { IconUserPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { RelatedRecords } from '../../records/RelatedRecords';
import { accountContactsFilter, contactColumns, contactRecord } from '../contacts';

/** Inside an account page the account column says nothing new. */
const columns = contactColumns.filter((column) => column.field !== 'accountId');

/** The contacts of one account, with "Add contact" prefilled with it. */
export function AccountContacts({ account }: { account: Account }) {
  const { t } = useTranslation();
  return (
    <RelatedRecords
      recordType={contactRecord}
      filter={accountContactsFilter(account.id)}
      sort="name"
      columns={columns}
      defaults={{ accountId: account.id, accountName: account.name }}
      canAdd={!account.deletedAt}
      addLabel={t('accounts.addContact')}
      addIcon={IconUserPlus}
      emptyTitle={t('accounts.noContactsTitle')}
      emptyDescription={t('accounts.noContactsDescription')}
    />
  );
}
