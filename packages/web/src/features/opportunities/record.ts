import { FORECAST_CATEGORIES, type Opportunity } from '@guanxi/contract';
import { IconTargetArrow } from '@tabler/icons-react';
import { defineRecordType } from '../../records/record-type';
import { enumFilter, ownerFilter, selectFilter } from '../../records/search';
import { opportunitiesApi, usePipelines } from './api';
import type { OpportunityDefaults } from './form-values';
import { OpportunityForm } from './OpportunityForm';

type Change = { contactId?: unknown; buyingRole?: unknown; isPrimary?: unknown };

const usePipelineOptions = () =>
  (usePipelines().data ?? []).map((p) => ({ value: p.id, label: p.name }));

/** Stages of the chosen pipeline; with several pipelines and none chosen, named with theirs. */
const useStageOptions = (search: Readonly<Record<string, unknown>>) => {
  const pipelines = usePipelines().data ?? [];
  const chosen = pipelines.filter((p) => !search.pipeline || p.id === search.pipeline);
  return chosen.flatMap((p) =>
    p.stages.map((s) => ({
      value: s.id,
      label: chosen.length > 1 ? `${p.name} · ${s.name}` : s.name,
    })),
  );
};

/** Opportunities as a record type: what the shared list, detail, form and routes need. */
export const opportunityRecord = defineRecordType<Opportunity, OpportunityDefaults>()({
  object: 'opportunity',
  messages: 'opportunities',
  api: opportunitiesApi,
  listPath: '/opportunities',
  icon: IconTargetArrow,
  filters: [
    selectFilter('pipeline', 'pipelineId', { width: 170, useOptions: usePipelineOptions }),
    selectFilter('stage', 'stageId', { width: 170, useOptions: useStageOptions }),
    enumFilter('forecastCategory', FORECAST_CATEGORIES, { width: 150 }),
    ownerFilter,
  ],
  Form: OpportunityForm,
  history: {
    enumFields: { forecastCategory: 'forecastCategory', source: 'source' },
    fields: {
      probability: (value) => (typeof value === 'number' ? `${value}%` : undefined),
      // Roles in order, the primary one marked: "Decision maker ★, Finance".
      contactRoles: (value, { label, t }) =>
        Array.isArray(value)
          ? value
              .map((r: Change) => {
                const role = r.buyingRole
                  ? label('buyingRole', String(r.buyingRole))
                  : t('opportunities.contactRoles.contact');
                return r.isPrimary ? `${role} ★` : role;
              })
              .join(', ')
          : undefined,
    },
  },
});

export type OpportunitySearch = ReturnType<typeof opportunityRecord.validateSearch>;
