import type { Pipeline } from '@guanxi/contract';
import { Checkbox, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export type OpportunityDraft = {
  enabled: boolean;
  name: string;
  amount: string;
  currency: string;
  pipelineId: string | null;
  stageId: string | null;
  expectedCloseDate: string;
};

type ConvertOpportunityProps = {
  value: OpportunityDraft;
  onChange: (patch: Partial<OpportunityDraft>) => void;
  pipelines: Pipeline[];
  /** Field messages by path under `opportunity.` ("name", "amount", …). */
  errors: Record<string, string>;
};

/** The optional opportunity of a conversion: name, amount, pipeline and stage, close date. */
export function ConvertOpportunity({
  value,
  onChange,
  pipelines,
  errors,
}: ConvertOpportunityProps) {
  const { t } = useTranslation();
  const pipeline = pipelines.find((p) => p.id === value.pipelineId) ?? pipelines[0];
  const stages = (pipeline?.stages ?? []).filter((s) => s.kind === 'open');
  return (
    <Stack gap="sm">
      <Checkbox
        label={t('conversion.withOpportunity')}
        checked={value.enabled}
        onChange={(event) => onChange({ enabled: event.currentTarget.checked })}
      />
      {value.enabled && (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('conversion.opportunityName')}
            value={value.name}
            onChange={(event) => onChange({ name: event.currentTarget.value })}
            error={errors.name}
            required
          />
          <TextInput
            label={t('conversion.closeDate')}
            type="date"
            value={value.expectedCloseDate}
            onChange={(event) => onChange({ expectedCloseDate: event.currentTarget.value })}
            error={errors.expectedCloseDate}
          />
          <TextInput
            label={t('conversion.amount')}
            inputMode="decimal"
            value={value.amount}
            onChange={(event) => onChange({ amount: event.currentTarget.value })}
            error={errors.amount}
          />
          <TextInput
            label={t('conversion.currency')}
            value={value.currency}
            onChange={(event) => onChange({ currency: event.currentTarget.value.toUpperCase() })}
            error={errors.currency}
            maxLength={3}
          />
          {pipelines.length > 1 && (
            <Select
              label={t('conversion.pipeline')}
              data={pipelines.map((p) => ({ value: p.id, label: p.name }))}
              value={pipeline?.id ?? null}
              onChange={(id) => onChange({ pipelineId: id, stageId: null })}
              error={errors.pipelineId}
              allowDeselect={false}
            />
          )}
          <Select
            label={t('conversion.stage')}
            placeholder={t('conversion.defaultStage')}
            data={stages.map((s) => ({ value: s.id, label: `${s.name} (${s.probability}%)` }))}
            value={value.stageId}
            onChange={(id) => onChange({ stageId: id })}
            error={errors.stageId}
            clearable
          />
        </SimpleGrid>
      )}
    </Stack>
  );
}
