import { LEAD_STATUSES, type Lead, LIFECYCLE_STAGES } from '@guanxi/contract';
import { IconUserSearch } from '@tabler/icons-react';
import { useEnumLabels } from '../../i18n/enums';
import { defineRecordType } from '../../records/record-type';
import { enumFilter, ownerFilter, selectFilter } from '../../records/search';
import { leadsApi } from './api';
import { LeadForm } from './LeadForm';

type Phone = { label?: unknown; number?: unknown };

/** Lead statuses as filter options (the `status` field, worded by the lead status labels). */
function useStatusOptions() {
  const { options } = useEnumLabels();
  return options('leadStatus', LEAD_STATUSES);
}

/** Leads as a record type: what the shared list, detail, form and routes need. */
export const leadRecord = defineRecordType<Lead>()({
  object: 'lead',
  messages: 'leads',
  api: leadsApi,
  listPath: '/leads',
  icon: IconUserSearch,
  filters: [
    selectFilter('status', 'status', { width: 150, useOptions: useStatusOptions }),
    enumFilter('lifecycleStage', LIFECYCLE_STAGES, { width: 170 }),
    ownerFilter,
  ],
  Form: LeadForm,
  history: {
    enumFields: {
      status: 'leadStatus',
      lifecycleStage: 'lifecycleStage',
      source: 'source',
      industry: 'industry',
    },
    fields: {
      phones: (value, { label }) =>
        Array.isArray(value)
          ? value
              .map(
                (p: Phone) =>
                  `${label('phoneLabel', String(p.label ?? ''))} ${String(p.number ?? '')}`,
              )
              .join(', ')
          : undefined,
    },
  },
});

export type LeadSearch = ReturnType<typeof leadRecord.validateSearch>;

/** What a person may choose between when merging two leads. */
export const LEAD_MERGE_FIELDS = [
  'name',
  'company',
  'title',
  'email',
  'phones',
  'wechat',
  'source',
  'campaign',
  'industry',
  'region',
  'lifecycleStage',
  'ownerId',
  'notes',
] as const;
