import {
  ACCOUNT_INDUSTRIES,
  ACCOUNT_STATUSES,
  ACCOUNT_TIERS,
  type Account,
} from '@guanxi/contract';
import { IconBuildingSkyscraper } from '@tabler/icons-react';
import { defineRecordType } from '../../records/record-type';
import { enumFilter, ownerFilter } from '../../records/search';
import { AccountForm } from './AccountForm';
import { accountsApi, useAccountOptions } from './api';

/** Accounts as a record type: what the shared list, detail, form and routes need. */
export const accountRecord = defineRecordType<Account>()({
  object: 'account',
  messages: 'accounts',
  api: accountsApi,
  listPath: '/accounts',
  icon: IconBuildingSkyscraper,
  filters: [
    enumFilter('industry', ACCOUNT_INDUSTRIES, { width: 170, searchable: true }),
    enumFilter('tier', ACCOUNT_TIERS, { width: 120 }),
    enumFilter('status', ACCOUNT_STATUSES, { width: 140 }),
    ownerFilter,
  ],
  Form: AccountForm,
  history: {
    enumFields: {
      industry: 'industry',
      size: 'size',
      tier: 'tier',
      status: 'status',
      source: 'source',
    },
  },
});

export type AccountSearch = ReturnType<typeof accountRecord.validateSearch>;

/** Merging two accounts: the search to pick the other one and the fields to choose between. */
export const accountMerge = {
  recordType: accountRecord,
  useOptions: (q: string, enabled: boolean) => useAccountOptions(q, enabled),
  fields: [
    'name',
    'industry',
    'size',
    'tier',
    'status',
    'source',
    'campaign',
    'creditCode',
    'website',
    'phone',
    'country',
    'province',
    'city',
    'address',
    'tags',
    'ownerId',
    'notes',
  ],
} as const;
