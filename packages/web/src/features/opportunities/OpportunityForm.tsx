import {
  FORECAST_CATEGORIES,
  OPPORTUNITY_SOURCES,
  type Opportunity,
  type Pipeline,
} from '@guanxi/contract';
import { Select, SimpleGrid, Skeleton, Stack, TagsInput, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { requiredLabelProps } from '../../components/required-label';
import { useEnumLabels } from '../../i18n/enums';
import { NameInput, NotesInput } from '../../records/RecordFormFields';
import { RecordFormShell } from '../../records/RecordFormShell';
import type { RecordFormProps } from '../../records/record-type';
import { useRecordForm } from '../../records/use-record-form';
import { useSession } from '../auth/session';
import { AccountPicker } from '../contacts/AccountPicker';
import { OwnerSelect } from '../settings/OwnerSelect';
import { opportunitiesApi, usePipelines } from './api';
import { ContactSelect } from './ContactSelect';
import { type OpportunityDefaults, opportunityToValues, valuesToInput } from './form-values';
import { COMMON_CURRENCIES } from './format';

/** Create and edit form for an opportunity; it needs the pipelines to offer stages. */
export function OpportunityForm(props: RecordFormProps<Opportunity, OpportunityDefaults>) {
  const pipelines = usePipelines();
  if (pipelines.isError) {
    return <ErrorAlert error={pipelines.error} onRetry={() => pipelines.refetch()} />;
  }
  if (!pipelines.data) {
    return (
      <Stack>
        <Skeleton height={36} />
        <Skeleton height={160} />
      </Stack>
    );
  }
  return <OpportunityFormFields {...props} pipelines={pipelines.data} />;
}

function OpportunityFormFields(
  props: RecordFormProps<Opportunity, OpportunityDefaults> & { pipelines: Pipeline[] },
) {
  const { record, defaults, onSaved, onCancel, pipelines } = props;
  const { t } = useTranslation();
  const { options } = useEnumLabels();
  const me = useSession();
  const form = useRecordForm({
    api: opportunitiesApi,
    object: 'opportunity',
    messages: 'opportunities',
    record,
    toValues: (current: Opportunity | undefined, ownerId: string) =>
      opportunityToValues(current, ownerId, {
        defaults,
        pipelines,
        currency: me.workspace.currency,
      }),
    toInput: valuesToInput,
    onSaved,
  });
  const { values, setField, errors, text, visible, editable } = form;
  const label = (field: string) =>
    t(`opportunities.fields.${field}` as 'opportunities.fields.name');
  const pipeline = pipelines.find((p) => p.id === values.pipelineId);
  const stage = pipeline?.stages.find((s) => s.id === values.stageId);
  const currencies = [
    ...new Set([values.currency, me.workspace.currency, ...COMMON_CURRENCIES]),
  ].map((c) => ({ value: c, label: c }));

  return (
    <RecordFormShell form={form} onCancel={onCancel}>
      <NameInput label={label('name')} {...text('name')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <AccountPicker
          value={values.accountId}
          valueLabel={values.accountName}
          onChange={(id, name) => {
            setField('accountId', id);
            setField('accountName', name);
            setField('contactId', null);
          }}
          error={errors.accountId}
        />
        <ContactSelect
          label={label('contactId')}
          accountId={values.accountId}
          value={values.contactId}
          onChange={(id) => setField('contactId', id)}
          error={errors.contactId}
        />
        <Select
          label={label('pipelineId')}
          data={pipelines.map((p) => ({ value: p.id, label: p.name }))}
          value={values.pipelineId}
          onChange={(id) => {
            const next = pipelines.find((p) => p.id === id);
            setField('pipelineId', id);
            setField('stageId', next?.stages.find((s) => s.kind === 'open')?.id ?? null);
            setField('probability', '');
          }}
          allowDeselect={false}
          error={errors.pipelineId}
        />
        <Select
          label={label('stageId')}
          data={(pipeline?.stages ?? []).map((s) => ({
            value: s.id,
            label: `${s.name} · ${s.probability}%`,
          }))}
          value={values.stageId}
          onChange={(id) => {
            setField('stageId', id);
            setField('probability', '');
          }}
          placeholder={pipeline ? undefined : t('opportunities.pickStageFirst')}
          allowDeselect={false}
          error={errors.stageId}
        />
        {visible('amount') && (
          <TextInput
            label={label('amount')}
            inputMode="decimal"
            labelProps={stage?.requiredFields.includes('amount') ? requiredLabelProps : undefined}
            {...text('amount')}
          />
        )}
        <Select
          label={label('currency')}
          data={currencies}
          value={values.currency}
          onChange={(c) => c && setField('currency', c)}
          searchable
          allowDeselect={false}
          error={errors.currency}
        />
        {visible('expectedCloseDate') && (
          <TextInput
            label={label('expectedCloseDate')}
            type="date"
            placeholder={t('opportunities.datePlaceholder')}
            labelProps={
              stage?.requiredFields.includes('expectedCloseDate') ? requiredLabelProps : undefined
            }
            {...text('expectedCloseDate')}
          />
        )}
        <TextInput
          label={label('probability')}
          type="number"
          min={0}
          max={100}
          rightSection="%"
          placeholder={stage ? String(stage.probability) : undefined}
          description={t('opportunities.probabilityHint')}
          {...text('probability')}
        />
        {visible('forecastCategory') && stage?.kind === 'open' && (
          <Select
            label={label('forecastCategory')}
            data={options(
              'forecastCategory',
              FORECAST_CATEGORIES.filter((c) => c !== 'closed'),
            )}
            value={values.forecastCategory === 'closed' ? null : values.forecastCategory}
            onChange={(c) => setField('forecastCategory', c as Opportunity['forecastCategory'])}
            error={errors.forecastCategory}
            disabled={!editable('forecastCategory')}
          />
        )}
        {visible('source') && (
          <Select
            label={label('source')}
            data={options('source', OPPORTUNITY_SOURCES)}
            value={values.source}
            onChange={(s) => setField('source', s as Opportunity['source'])}
            error={errors.source}
            clearable
            disabled={!editable('source')}
          />
        )}
        {visible('campaign') && <TextInput label={label('campaign')} {...text('campaign')} />}
        <OwnerSelect
          label={label('ownerId')}
          value={values.ownerId}
          onChange={(value) => value && setField('ownerId', value)}
          error={errors.ownerId}
        />
      </SimpleGrid>
      {visible('nextStep') && <TextInput label={label('nextStep')} {...text('nextStep')} />}
      {visible('competitors') && (
        <TagsInput
          label={label('competitors')}
          placeholder={t('opportunities.competitorsPlaceholder')}
          value={values.competitors}
          onChange={(list) => setField('competitors', list)}
          error={errors.competitors}
          clearable
          disabled={!editable('competitors')}
        />
      )}
      {visible('lossReason') && (stage?.kind === 'lost' || values.lossReason !== '') && (
        <TextInput
          label={label('lossReason')}
          labelProps={stage?.kind === 'lost' ? requiredLabelProps : undefined}
          {...text('lossReason')}
        />
      )}
      {visible('notes') && <NotesInput label={label('notes')} {...text('notes')} />}
    </RecordFormShell>
  );
}
