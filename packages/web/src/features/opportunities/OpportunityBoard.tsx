import {
  DndContext,
  type DragEndEvent,
  DragOverlay,
  type DragStartEvent,
  PointerSensor,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import type { Opportunity } from '@guanxi/contract';
import { Alert, Button, EmptyState, Group, Skeleton, Text } from '@mantine/core';
import { IconAlertTriangle, IconLayoutKanban } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFieldLabel } from '../../i18n/fields';
import { notifyError, notifySuccess } from '../../lib/notify';
import { RecordFormModal } from '../../records/RecordFormModal';
import { filterQuery } from '../../records/search';
import { usePermissions } from '../auth/session';
import {
  type BoardParams,
  type MoveVars,
  useBoard,
  useLoadMoreCards,
  useMoveOpportunity,
  usePipelines,
} from './api';
import { BoardCard } from './BoardCard';
import { BoardColumn } from './BoardColumn';
import { LossReasonModal } from './LossReasonModal';
import { moveRefusal } from './move-error';
import { type OpportunitySearch, opportunityRecord } from './record';

type Refusal = { opportunity: Opportunity; toStageId: string; message: string };

/** The board's filters: those of the list, except pipeline and stage (the columns are stages). */
const boardFilters = opportunityRecord.filters.filter(
  (f) => f.param !== 'pipeline' && f.param !== 'stage',
);

/**
 * The kanban board of one pipeline: drag a card to another column (or use its "Move to…" menu)
 * to change its stage. The card moves at once and moves back, with the server's reason, when
 * the stage refuses it; a lost stage first asks for the loss reason.
 */
export function OpportunityBoard({ search }: { search: OpportunitySearch }) {
  const { t } = useTranslation();
  const fieldLabel = useFieldLabel('opportunities');
  const { can } = usePermissions();
  const pipelines = usePipelines();
  const pipeline =
    pipelines.data?.find((p) => p.id === search.pipeline) ?? pipelines.data?.[0] ?? null;
  const params: BoardParams = {
    pipelineId: pipeline?.id,
    filter: filterQuery(boardFilters, search),
    q: search.q,
    sort: 'expectedCloseDate',
  };
  const board = useBoard(params, pipeline !== null);
  const move = useMoveOpportunity(params);
  const loadMore = useLoadMoreCards(params);
  const [dragging, setDragging] = useState<Opportunity | null>(null);
  const [askLoss, setAskLoss] = useState<MoveVars | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [fixing, setFixing] = useState<Refusal | null>(null);
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 6 } }));
  const canMove = can('opportunity', 'update');

  if (pipelines.isError) {
    return <ErrorAlert error={pipelines.error} onRetry={() => pipelines.refetch()} />;
  }
  if (pipelines.data && !pipeline) {
    return (
      <EmptyState
        py="xl"
        title={t('opportunities.board.noPipeline')}
        description={t('opportunities.board.noPipelineDescription')}
        icon={<IconLayoutKanban size={28} />}
        withIndicatorBackground
      />
    );
  }
  if (!pipeline || board.isPending) {
    return (
      <Group align="flex-start" wrap="nowrap" gap="md" style={{ overflow: 'hidden' }}>
        {[0, 1, 2, 3].map((i) => (
          <Skeleton key={i} height={320} width={280} radius="md" />
        ))}
      </Group>
    );
  }
  if (board.isError) return <ErrorAlert error={board.error} onRetry={() => board.refetch()} />;

  const stageName = (id: string) => pipeline.stages.find((s) => s.id === id)?.name ?? '';
  const send = (vars: MoveVars) => {
    setRefusal(null);
    move.mutate(vars, {
      onSuccess: (saved) =>
        notifySuccess(
          t('opportunities.board.moved', { name: saved.name, stage: stageName(vars.toStageId) }),
        ),
      onError: (error) => {
        const message = moveRefusal(t, error, fieldLabel);
        if (message)
          setRefusal({ opportunity: vars.opportunity, toStageId: vars.toStageId, message });
        else notifyError(t, error);
      },
    });
  };
  const requestMove = (opportunity: Opportunity, toStageId: string) => {
    if (opportunity.stageId === toStageId) return;
    const target = pipeline.stages.find((s) => s.id === toStageId);
    if (target?.kind === 'lost') setAskLoss({ opportunity, toStageId });
    else send({ opportunity, toStageId });
  };
  const onDragStart = (event: DragStartEvent) =>
    setDragging((event.active.data.current?.opportunity as Opportunity | undefined) ?? null);
  const onDragEnd = (event: DragEndEvent) => {
    setDragging(null);
    const opportunity = event.active.data.current?.opportunity as Opportunity | undefined;
    if (opportunity && event.over) requestMove(opportunity, String(event.over.id));
  };

  return (
    <>
      <Text size="xs" c="dimmed" mb="xs">
        {t('opportunities.board.dragHint')}
      </Text>
      {refusal && (
        <Alert
          color="orange"
          icon={<IconAlertTriangle size={18} />}
          role="alert"
          mb="md"
          withCloseButton
          closeButtonLabel={t('common.close')}
          onClose={() => setRefusal(null)}
          title={refusal.message}
        >
          <Button size="xs" variant="light" color="orange" onClick={() => setFixing(refusal)}>
            {t('opportunities.move.fixIt')}
          </Button>
        </Alert>
      )}
      <DndContext
        sensors={sensors}
        onDragStart={onDragStart}
        onDragEnd={onDragEnd}
        onDragCancel={() => setDragging(null)}
      >
        <Group
          align="stretch"
          wrap="nowrap"
          gap="md"
          pb="md"
          style={{ overflowX: 'auto' }}
          aria-label={t('opportunities.board.label', { pipeline: pipeline.name })}
          role="region"
        >
          {pipeline.stages.map((stage) => {
            const column = board.data.columns.find((c) => c.stageId === stage.id);
            if (!column) return null;
            return (
              <BoardColumn
                key={stage.id}
                stage={stage}
                column={column}
                stages={pipeline.stages}
                canMove={canMove}
                onMove={requestMove}
                loadingMore={loadMore.isPending && loadMore.variables?.stageId === stage.id}
                onLoadMore={() =>
                  column.nextCursor &&
                  loadMore.mutate(
                    { stageId: stage.id, cursor: column.nextCursor },
                    { onError: (error) => notifyError(t, error) },
                  )
                }
              />
            );
          })}
        </Group>
        <DragOverlay>
          {dragging && (
            <BoardCard
              opportunity={dragging}
              stages={pipeline.stages}
              onMove={() => {}}
              canMove
              overlay
            />
          )}
        </DragOverlay>
      </DndContext>
      <LossReasonModal
        name={askLoss?.opportunity.name ?? null}
        onCancel={() => setAskLoss(null)}
        onConfirm={(lossReason) => {
          if (askLoss) send({ ...askLoss, lossReason });
          setAskLoss(null);
        }}
      />
      <RecordFormModal
        recordType={opportunityRecord}
        opened={fixing !== null}
        onClose={() => setFixing(null)}
        record={fixing?.opportunity}
        onSaved={(saved) => {
          if (fixing) requestMove(saved, fixing.toStageId);
          setFixing(null);
        }}
      />
    </>
  );
}
