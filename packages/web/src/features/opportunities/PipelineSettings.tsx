import type { Pipeline, PipelineStage } from '@guanxi/contract';
import { Badge, Button, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../components/ConfirmModal';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifyError, notifyFailure, notifySuccess } from '../../lib/notify';
import { errorCode } from '../../lib/problem';
import {
  useDeletePipeline,
  useDeleteStage,
  usePipelines,
  useReorderStages,
  useUpdatePipeline,
} from './api';
import { PipelineDialog } from './PipelineDialog';
import { StageDialog } from './StageDialog';
import { StageTable } from './StageTable';

type Dialog =
  | { kind: 'pipeline'; pipeline?: Pipeline }
  | { kind: 'stage'; pipelineId: string; stage?: PipelineStage };
type Deleting =
  | { kind: 'pipeline'; pipeline: Pipeline }
  | { kind: 'stage'; pipelineId: string; stage: PipelineStage };

/** Settings → Pipelines (administrators): pipelines in order, each with its stage editor. */
export function PipelineSettings() {
  const { t } = useTranslation();
  const query = usePipelines();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [deleting, setDeleting] = useState<Deleting | null>(null);
  const updatePipeline = useUpdatePipeline();
  const deletePipeline = useDeletePipeline();
  const deleteStage = useDeleteStage();
  const reorder = useReorderStages();

  if (query.isPending) return <Skeleton height={240} radius="md" />;
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => query.refetch()} />;
  const pipelines = query.data;

  const move = (pipeline: Pipeline, index: number, by: -1 | 1) => {
    const ids = pipeline.stages.map((s) => s.id);
    [ids[index], ids[index + by]] = [ids[index + by], ids[index]];
    reorder.mutate(
      { pipelineId: pipeline.id, stageIds: ids },
      {
        onSuccess: () => notifySuccess(t('pipelines.reordered')),
        onError: (e) => notifyError(t, e),
      },
    );
  };
  const confirmDelete = () => {
    if (!deleting) return;
    const done = (message: string) => () => {
      notifySuccess(message);
      setDeleting(null);
    };
    if (deleting.kind === 'pipeline') {
      const { pipeline } = deleting;
      deletePipeline.mutate(pipeline.id, {
        onSuccess: done(t('pipelines.deleted')),
        onError: (error) => {
          setDeleting(null);
          if (errorCode(error) !== 'conflict') return notifyError(t, error);
          notifyFailure(
            pipelines.length <= 1
              ? t('pipelines.lastPipeline')
              : t('pipelines.pipelineInUse', { name: pipeline.name }),
          );
        },
      });
    } else {
      const { stage, pipelineId } = deleting;
      deleteStage.mutate(
        { pipelineId, stageId: stage.id },
        {
          onSuccess: done(t('pipelines.stageDeleted')),
          onError: (error) => {
            setDeleting(null);
            if (errorCode(error) !== 'conflict') return notifyError(t, error);
            // Either it is the pipeline's only stage of its kind, or opportunities are in it.
            const pipeline = pipelines.find((p) => p.id === pipelineId);
            const sameKind = pipeline?.stages.filter((s) => s.kind === stage.kind).length ?? 0;
            notifyFailure(
              stage.kind === 'won' || sameKind <= 1
                ? t('pipelines.rules')
                : t('pipelines.stageInUse', { name: stage.name }),
            );
          },
        },
      );
    }
  };

  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4} maw={720}>
          <Title order={3}>{t('pipelines.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('pipelines.description')}
          </Text>
          <Text size="sm" c="dimmed">
            {t('pipelines.rules')}
          </Text>
        </Stack>
        <Button
          leftSection={<IconPlus size={16} aria-hidden />}
          onClick={() => setDialog({ kind: 'pipeline' })}
        >
          {t('pipelines.new')}
        </Button>
      </Group>
      {pipelines.map((pipeline, index) => (
        <Paper
          key={pipeline.id}
          withBorder
          radius="md"
          p="md"
          component="section"
          aria-label={pipeline.name}
        >
          <Group justify="space-between" mb="sm" wrap="wrap">
            <Group gap="sm">
              <Title order={4}>{pipeline.name}</Title>
              {index === 0 && <Badge variant="light">{t('pipelines.default')}</Badge>}
            </Group>
            <Group gap="xs">
              {index > 0 && (
                <Button
                  size="xs"
                  variant="default"
                  loading={updatePipeline.isPending && updatePipeline.variables?.id === pipeline.id}
                  onClick={() =>
                    updatePipeline.mutate(
                      { id: pipeline.id, body: { position: 0 } },
                      {
                        onSuccess: () => notifySuccess(t('pipelines.saved')),
                        onError: (e) => notifyError(t, e),
                      },
                    )
                  }
                >
                  {t('pipelines.makeDefault')}
                </Button>
              )}
              <Button
                size="xs"
                variant="default"
                onClick={() => setDialog({ kind: 'pipeline', pipeline })}
              >
                {t('pipelines.rename')}
              </Button>
              <Button
                size="xs"
                variant="light"
                color="red"
                onClick={() => setDeleting({ kind: 'pipeline', pipeline })}
              >
                {t('pipelines.delete')}
              </Button>
              <Button
                size="xs"
                leftSection={<IconPlus size={14} aria-hidden />}
                onClick={() => setDialog({ kind: 'stage', pipelineId: pipeline.id })}
              >
                {t('pipelines.addStage')}
              </Button>
            </Group>
          </Group>
          <StageTable
            pipeline={pipeline}
            busy={reorder.isPending}
            onMove={(i, by) => move(pipeline, i, by)}
            onEdit={(stage) => setDialog({ kind: 'stage', pipelineId: pipeline.id, stage })}
            onDelete={(stage) => setDeleting({ kind: 'stage', pipelineId: pipeline.id, stage })}
          />
        </Paper>
      ))}
      {dialog?.kind === 'pipeline' && (
        <PipelineDialog pipeline={dialog.pipeline} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'stage' && (
        <StageDialog
          pipelineId={dialog.pipelineId}
          stage={dialog.stage}
          onClose={() => setDialog(null)}
        />
      )}
      <ConfirmModal
        opened={deleting !== null}
        title={
          deleting?.kind === 'stage' ? t('pipelines.deleteStageTitle') : t('pipelines.deleteTitle')
        }
        message={
          deleting?.kind === 'stage'
            ? t('pipelines.deleteStageMessage', { name: deleting.stage.name })
            : t('pipelines.deleteMessage', { name: deleting?.pipeline.name ?? '' })
        }
        confirmLabel={t('common.delete')}
        loading={deletePipeline.isPending || deleteStage.isPending}
        onConfirm={confirmDelete}
        onClose={() => setDeleting(null)}
      />
    </Stack>
  );
}
