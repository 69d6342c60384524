import { useDroppable } from '@dnd-kit/core';
import type { BoardColumn as Column, Opportunity, PipelineStage } from '@guanxi/contract';
import { Badge, Button, Group, Paper, ScrollArea, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { BoardCard } from './BoardCard';
import { stageColor, useOpportunityFormat } from './format';

type BoardColumnProps = {
  stage: PipelineStage;
  column: Column;
  stages: PipelineStage[];
  canMove: boolean;
  onMove: (opportunity: Opportunity, toStageId: string) => void;
  onLoadMore: () => void;
  loadingMore: boolean;
};

/** One stage of the board: name, count, totals per currency, cards, "Load more". */
export function BoardColumn(props: BoardColumnProps) {
  const { stage, column } = props;
  const { t } = useTranslation();
  const { money } = useOpportunityFormat();
  const { setNodeRef, isOver } = useDroppable({ id: stage.id, data: { stage } });
  const headingId = `board-column-${stage.id}`;
  return (
    <Paper
      ref={setNodeRef}
      component="section"
      aria-labelledby={headingId}
      data-stage-column={stage.id}
      withBorder
      radius="md"
      p="sm"
      bg={isOver ? 'blue.0' : 'gray.1'}
      style={{
        width: 280,
        flex: '0 0 280px',
        display: 'flex',
        flexDirection: 'column',
        outline: isOver ? '2px dashed var(--mantine-color-blue-5)' : undefined,
      }}
    >
      <Stack gap={2} mb="sm">
        <Group justify="space-between" wrap="nowrap" gap={6}>
          <Text id={headingId} fw={600} size="sm" truncate>
            {stage.name}
          </Text>
          <Group gap={4} wrap="nowrap">
            <Badge size="sm" variant="light" color={stageColor(stage.kind)}>
              {stage.probability}%
            </Badge>
            <Badge
              size="sm"
              variant="filled"
              color="gray"
              aria-label={t('opportunities.board.column', {
                stage: stage.name,
                count: column.count,
              })}
            >
              {t('opportunities.board.count', { count: column.count })}
            </Badge>
          </Group>
        </Group>
        {column.totals.map((total) => (
          <Group key={total.currency} gap={6} wrap="wrap">
            <Text size="sm" fw={600}>
              {money(total.amount, total.currency)}
            </Text>
            <Text size="xs" c="dimmed">
              {t('opportunities.board.weighted', { amount: money(total.weighted, total.currency) })}
            </Text>
          </Group>
        ))}
      </Stack>
      <ScrollArea.Autosize mah="calc(100vh - 330px)" type="auto" offsetScrollbars>
        <Stack gap="xs" mih={80} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
          {column.cards.length === 0 && (
            <Text size="sm" c="dimmed" ta="center" py="md">
              {isOver ? t('opportunities.board.dropHere') : t('opportunities.board.empty')}
            </Text>
          )}
          {column.cards.map((o) => (
            <li key={o.id}>
              <BoardCard
                opportunity={o}
                stages={props.stages}
                onMove={props.onMove}
                canMove={props.canMove}
              />
            </li>
          ))}
          {column.nextCursor && (
            <Button
              variant="subtle"
              size="xs"
              onClick={props.onLoadMore}
              loading={props.loadingMore}
            >
              {t('common.loadMore')}
            </Button>
          )}
        </Stack>
      </ScrollArea.Autosize>
    </Paper>
  );
}
