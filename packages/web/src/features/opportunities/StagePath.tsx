import type { Opportunity, Pipeline } from '@guanxi/contract';
import { Alert, Group, Paper, Text, UnstyledButton } from '@mantine/core';
import { IconAlertTriangle, IconCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFieldLabel } from '../../i18n/fields';
import { formatDate } from '../../lib/format';
import { notifyError, notifySuccess } from '../../lib/notify';
import { usePermissions } from '../auth/session';
import { opportunitiesApi, usePipelines } from './api';
import { stageColor, useOpportunityFormat } from './format';
import { LossReasonModal } from './LossReasonModal';
import { moveRefusal } from './move-error';

/**
 * The pipeline's stages as a path with the current one marked; clicking another stage moves the
 * opportunity there (a lost stage asks for the reason first), refusals explained in place.
 */
export function StagePath({ opportunity }: { opportunity: Opportunity }) {
  const { data: pipelines } = usePipelines();
  const pipeline = pipelines?.find((p) => p.id === opportunity.pipelineId);
  if (!pipeline) return null;
  return <Path opportunity={opportunity} pipeline={pipeline} />;
}

function Path({ opportunity, pipeline }: { opportunity: Opportunity; pipeline: Pipeline }) {
  const { t } = useTranslation();
  const fieldLabel = useFieldLabel('opportunities');
  const { daysSince } = useOpportunityFormat();
  const { can } = usePermissions();
  const update = opportunitiesApi.useUpdate();
  const [askLoss, setAskLoss] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const current = pipeline.stages.findIndex((s) => s.id === opportunity.stageId);
  const currentStage = pipeline.stages[current];
  const editable = can('opportunity', 'update') && opportunity.deletedAt === null;

  const send = (stageId: string, lossReason?: string) => {
    setRefusal(null);
    update.mutate(
      {
        id: opportunity.id,
        version: opportunity.version,
        input: { stageId, ...(lossReason ? { lossReason } : {}) },
      },
      {
        onSuccess: (saved) =>
          notifySuccess(
            t('opportunities.board.moved', {
              name: saved.name,
              stage: pipeline.stages.find((s) => s.id === stageId)?.name ?? '',
            }),
          ),
        onError: (error) => {
          const message = moveRefusal(t, error, fieldLabel);
          if (message) setRefusal(message);
          else notifyError(t, error);
        },
      },
    );
  };
  const choose = (stageId: string) => {
    const stage = pipeline.stages.find((s) => s.id === stageId);
    if (stage?.kind === 'lost') setAskLoss(stageId);
    else send(stageId);
  };

  const closedLine =
    opportunity.closedAt && currentStage?.kind !== 'open'
      ? t(currentStage?.kind === 'won' ? 'opportunities.path.wonAt' : 'opportunities.path.lostAt', {
          date: formatDate(opportunity.closedAt),
        })
      : t('opportunities.daysInStage', { duration: daysSince(opportunity.stageEnteredAt) });

  return (
    <Paper withBorder radius="md" p="md" mb="md">
      <Group justify="space-between" mb="xs" wrap="wrap">
        <Text size="sm" fw={600} id="stage-path-label">
          {t('opportunities.path.label')} · {pipeline.name}
        </Text>
        <Text size="xs" c="dimmed">
          {closedLine}
        </Text>
      </Group>
      <Group
        gap={4}
        wrap="wrap"
        component="ol"
        m={0}
        p={0}
        style={{ listStyle: 'none' }}
        aria-labelledby="stage-path-label"
      >
        {pipeline.stages.map((stage, index) => {
          const isCurrent = index === current;
          const done = currentStage?.kind === 'open' ? index < current : isCurrent;
          const color = stageColor(isCurrent ? stage.kind : 'open');
          return (
            <li key={stage.id} style={{ flex: '1 1 110px', display: 'flex' }}>
              <UnstyledButton
                aria-current={isCurrent ? 'step' : undefined}
                aria-label={
                  isCurrent
                    ? `${t('opportunities.path.current')}: ${stage.name}`
                    : t('opportunities.path.moveTo', { stage: stage.name })
                }
                disabled={!editable || isCurrent || update.isPending}
                onClick={() => choose(stage.id)}
                px="md"
                py={6}
                style={{
                  flex: 1,
                  textAlign: 'center',
                  borderRadius: 'var(--mantine-radius-sm)',
                  background: isCurrent
                    ? `var(--mantine-color-${color}-6)`
                    : done
                      ? 'var(--mantine-color-blue-1)'
                      : 'var(--mantine-color-gray-1)',
                  color: isCurrent ? 'white' : 'var(--mantine-color-text)',
                  cursor: editable && !isCurrent ? 'pointer' : 'default',
                  fontSize: 'var(--mantine-font-size-sm)',
                  fontWeight: isCurrent ? 600 : 400,
                }}
              >
                <Group gap={4} justify="center" wrap="nowrap">
                  {done && !isCurrent && <IconCheck size={14} aria-hidden />}
                  <span>{stage.name}</span>
                </Group>
              </UnstyledButton>
            </li>
          );
        })}
      </Group>
      {refusal && (
        <Alert
          color="orange"
          icon={<IconAlertTriangle size={18} />}
          role="alert"
          mt="sm"
          withCloseButton
          closeButtonLabel={t('common.close')}
          onClose={() => setRefusal(null)}
          title={refusal}
        />
      )}
      <LossReasonModal
        name={askLoss ? opportunity.name : null}
        onCancel={() => setAskLoss(null)}
        onConfirm={(reason) => {
          if (askLoss) send(askLoss, reason);
          setAskLoss(null);
        }}
      />
    </Paper>
  );
}
