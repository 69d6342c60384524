import {
  type PipelineStage,
  STAGE_KINDS,
  STAGE_REQUIRED_FIELDS,
  type StageKind,
  type StageRequiredField,
} from '@guanxi/contract';
import {
  Button,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  Select,
  Stack,
  TextInput,
} from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { requiredLabelProps } from '../../components/required-label';
import { useEnumLabels } from '../../i18n/enums';
import { useFieldLabel } from '../../i18n/fields';
import { useFormState } from '../../lib/form-state';
import { notifySuccess } from '../../lib/notify';
import { errorCode, fieldErrorsOf } from '../../lib/problem';
import { useAddStage, useUpdateStage } from './api';

type StageDialogProps = {
  pipelineId: string;
  /** The stage to edit; omit to add one. */
  stage?: PipelineStage;
  onClose: () => void;
};

/** Add a stage to a pipeline or change one: name, probability, kind, fields required to enter. */
export function StageDialog({ pipelineId, stage, onClose }: StageDialogProps) {
  const { t } = useTranslation();
  const { options } = useEnumLabels();
  const fieldLabel = useFieldLabel('opportunities');
  const add = useAddStage();
  const update = useUpdateStage();
  const mutation = stage ? update : add;
  const form = useFormState({
    name: stage?.name ?? '',
    probability: stage?.probability ?? 50,
    kind: (stage?.kind ?? 'open') as StageKind,
    requiredFields: (stage?.requiredFields ?? []) as StageRequiredField[],
  });
  const { values, setField, errors } = form;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const name = values.name.trim();
    if (!name) {
      form.setErrors({ name: t('common.requiredField', { field: t('pipelines.stageName') }) });
      return;
    }
    const body = { ...values, name };
    const onError = (error: unknown) => form.setErrors(fieldErrorsOf(t, error));
    const done = (message: string) => () => {
      notifySuccess(message);
      onClose();
    };
    if (stage) {
      update.mutate(
        { pipelineId, stageId: stage.id, body },
        { onSuccess: done(t('pipelines.stageSaved')), onError },
      );
    } else {
      add.mutate({ pipelineId, body }, { onSuccess: done(t('pipelines.stageAdded')), onError });
    }
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={stage ? t('pipelines.editStageOf', { name: stage.name }) : t('pipelines.addStage')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          {mutation.isError && errorCode(mutation.error) === 'conflict' && stage && (
            <ErrorAlert
              error={mutation.error}
              message={t('pipelines.stageInUse', { name: stage.name })}
            />
          )}
          {mutation.isError &&
            !['validation_failed', 'conflict'].includes(errorCode(mutation.error) ?? '') && (
              <ErrorAlert error={mutation.error} />
            )}
          <TextInput
            label={t('pipelines.stageName')}
            labelProps={requiredLabelProps}
            data-autofocus
            {...form.text('name')}
          />
          <Group grow>
            <NumberInput
              label={t('pipelines.probability')}
              min={0}
              max={100}
              clampBehavior="strict"
              allowDecimal={false}
              value={values.probability}
              onChange={(value) => setField('probability', Number(value) || 0)}
              error={errors.probability}
            />
            <Select
              label={t('pipelines.kind')}
              data={options('stageKind', STAGE_KINDS)}
              value={values.kind}
              onChange={(value) => value && setField('kind', value as StageKind)}
              allowDeselect={false}
              // The server names the kind when the pipeline's set of kinds would break.
              error={errors.kind && t('pipelines.rules')}
            />
          </Group>
          <MultiSelect
            label={t('pipelines.requiredFields')}
            data={STAGE_REQUIRED_FIELDS.map((f) => ({ value: f, label: fieldLabel(f) }))}
            value={values.requiredFields}
            onChange={(list) => setField('requiredFields', list as StageRequiredField[])}
            placeholder={
              values.requiredFields.length === 0 ? t('pipelines.noRequiredFields') : undefined
            }
            clearable
            error={errors.requiredFields}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
