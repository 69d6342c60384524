import { useDraggable } from '@dnd-kit/core';
import type { Opportunity, PipelineStage } from '@guanxi/contract';
import { ActionIcon, Group, Menu, Paper, Stack, Text } from '@mantine/core';
import { IconArrowsRightLeft, IconCalendar, IconDots, IconUser } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../lib/format';
import { RecordLink } from '../../records/RecordLink';
import { useUserNames } from '../settings/api';
import { useOpportunityFormat } from './format';

type BoardCardProps = {
  opportunity: Opportunity;
  stages: PipelineStage[];
  /** Keyboard (and menu) alternative to dragging. */
  onMove: (opportunity: Opportunity, toStageId: string) => void;
  canMove: boolean;
  /** The copy that follows the pointer while dragging. */
  overlay?: boolean;
};

/** One opportunity on the board: name, account, amount, close date, owner, "Move to…". */
export function BoardCard({ opportunity: o, stages, onMove, canMove, overlay }: BoardCardProps) {
  const { t } = useTranslation();
  const { money } = useOpportunityFormat();
  const userNames = useUserNames();
  const { setNodeRef, listeners, isDragging } = useDraggable({
    id: o.id,
    data: { opportunity: o },
    disabled: !canMove || overlay,
  });
  return (
    <Paper
      ref={overlay ? undefined : setNodeRef}
      {...(overlay ? {} : listeners)}
      withBorder
      radius="md"
      p="sm"
      shadow={overlay ? 'md' : 'xs'}
      component="article"
      aria-label={o.name}
      data-opportunity-card={o.id}
      style={{
        cursor: canMove ? 'grab' : undefined,
        opacity: isDragging ? 0.35 : 1,
        touchAction: 'none',
        background: 'var(--mantine-color-body)',
      }}
    >
      <Stack gap={4}>
        <Group justify="space-between" wrap="nowrap" align="flex-start" gap={4}>
          <RecordLink to="/opportunities" id={o.id} fw={600} size="sm">
            {o.name}
          </RecordLink>
          {canMove && !overlay && (
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  size="sm"
                  aria-label={t('opportunities.board.moveMenu', { name: o.name })}
                  onPointerDown={(event) => event.stopPropagation()}
                >
                  <IconDots size={14} aria-hidden />
                </ActionIcon>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>{t('opportunities.board.moveTo')}</Menu.Label>
                {stages
                  .filter((s) => s.id !== o.stageId)
                  .map((s) => (
                    <Menu.Item
                      key={s.id}
                      leftSection={<IconArrowsRightLeft size={14} aria-hidden />}
                      onClick={() => onMove(o, s.id)}
                    >
                      {s.name}
                    </Menu.Item>
                  ))}
              </Menu.Dropdown>
            </Menu>
          )}
        </Group>
        {o.accountName && (
          <Text size="xs" c="dimmed" truncate>
            {o.accountName}
          </Text>
        )}
        <Group justify="space-between" gap={4} wrap="nowrap">
          <Text size="sm" fw={500}>
            {o.amount !== null ? money(o.amount, o.currency) : t('common.empty')}
          </Text>
          {o.expectedCloseDate && (
            <Group gap={2} wrap="nowrap">
              <IconCalendar size={12} aria-hidden />
              <Text size="xs" c="dimmed" component="time" dateTime={o.expectedCloseDate}>
                {formatDate(o.expectedCloseDate)}
              </Text>
            </Group>
          )}
        </Group>
        <Group gap={4} wrap="nowrap">
          <IconUser size={12} aria-hidden />
          <Text size="xs" c="dimmed" truncate>
            {userNames.get(o.ownerId) ?? ''}
          </Text>
        </Group>
      </Stack>
    </Paper>
  );
}
