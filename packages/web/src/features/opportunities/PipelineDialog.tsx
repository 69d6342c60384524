import type { Pipeline } from '@guanxi/contract';
import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { requiredLabelProps } from '../../components/required-label';
import { useFormState } from '../../lib/form-state';
import { notifySuccess } from '../../lib/notify';
import { errorCode, fieldErrorsOf } from '../../lib/problem';
import { useCreatePipeline, useUpdatePipeline } from './api';

/** A new pipeline (with three first stages to rename later) or a pipeline's new name. */
export function PipelineDialog({
  pipeline,
  onClose,
}: {
  pipeline?: Pipeline;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const create = useCreatePipeline();
  const update = useUpdatePipeline();
  const mutation = pipeline ? update : create;
  const form = useFormState({ name: pipeline?.name ?? '' });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const name = form.values.name.trim();
    if (!name) {
      form.setErrors({ name: t('common.requiredField', { field: t('pipelines.name') }) });
      return;
    }
    const onError = (error: unknown) => form.setErrors(fieldErrorsOf(t, error));
    const done = (message: string) => () => {
      notifySuccess(message);
      onClose();
    };
    if (pipeline) {
      update.mutate(
        { id: pipeline.id, body: { name } },
        { onSuccess: done(t('pipelines.saved')), onError },
      );
      return;
    }
    create.mutate(
      {
        name,
        stages: [
          { name: t('pipelines.newStages.open'), probability: 50, kind: 'open' },
          { name: t('pipelines.newStages.won'), probability: 100, kind: 'won' },
          { name: t('pipelines.newStages.lost'), probability: 0, kind: 'lost' },
        ],
      },
      { onSuccess: done(t('pipelines.created')), onError },
    );
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={pipeline ? t('pipelines.renameTitle', { name: pipeline.name }) : t('pipelines.new')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          {mutation.isError && errorCode(mutation.error) !== 'validation_failed' && (
            <ErrorAlert error={mutation.error} />
          )}
          <TextInput
            label={t('pipelines.name')}
            labelProps={requiredLabelProps}
            data-autofocus
            {...form.text('name')}
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
