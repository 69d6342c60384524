import type { Pipeline, PipelineStage } from '@guanxi/contract';
import { ActionIcon, Badge, Group, Table, Text } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPencil, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useEnumLabels } from '../../i18n/enums';
import { useFieldLabel } from '../../i18n/fields';
import { stageColor } from './format';

type StageTableProps = {
  pipeline: Pipeline;
  busy: boolean;
  onMove: (index: number, by: -1 | 1) => void;
  onEdit: (stage: PipelineStage) => void;
  onDelete: (stage: PipelineStage) => void;
};

/** A pipeline's stages in order with probability, kind and required fields; reorder, edit, delete. */
export function StageTable({ pipeline, busy, onMove, onEdit, onDelete }: StageTableProps) {
  const { t } = useTranslation();
  const { label } = useEnumLabels();
  const fieldLabel = useFieldLabel('opportunities');
  const last = pipeline.stages.length - 1;
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing="xs" aria-label={`${pipeline.name} · ${t('pipelines.stages')}`}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={90}>{t('pipelines.columns.order')}</Table.Th>
            <Table.Th>{t('pipelines.columns.name')}</Table.Th>
            <Table.Th w={90}>{t('pipelines.columns.probability')}</Table.Th>
            <Table.Th w={100}>{t('pipelines.columns.kind')}</Table.Th>
            <Table.Th>{t('pipelines.columns.requiredFields')}</Table.Th>
            <Table.Th w={100}>{t('pipelines.columns.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {pipeline.stages.map((stage, index) => (
            <Table.Tr key={stage.id}>
              <Table.Td>
                <Group gap={2} wrap="nowrap">
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    disabled={index === 0 || busy}
                    onClick={() => onMove(index, -1)}
                    aria-label={t('pipelines.moveUp', { name: stage.name })}
                  >
                    <IconArrowUp size={16} aria-hidden />
                  </ActionIcon>
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    disabled={index === last || busy}
                    onClick={() => onMove(index, 1)}
                    aria-label={t('pipelines.moveDown', { name: stage.name })}
                  >
                    <IconArrowDown size={16} aria-hidden />
                  </ActionIcon>
                </Group>
              </Table.Td>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {stage.name}
                </Text>
              </Table.Td>
              <Table.Td>{stage.probability}%</Table.Td>
              <Table.Td>
                <Badge variant="light" color={stageColor(stage.kind)}>
                  {label('stageKind', stage.kind)}
                </Badge>
              </Table.Td>
              <Table.Td>
                {stage.requiredFields.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    {t('pipelines.noRequiredFields')}
                  </Text>
                ) : (
                  <Group gap={4}>
                    {stage.requiredFields.map((f) => (
                      <Badge key={f} variant="outline" color="gray" tt="none">
                        {fieldLabel(f)}
                      </Badge>
                    ))}
                  </Group>
                )}
              </Table.Td>
              <Table.Td>
                <Group gap={2} wrap="nowrap">
                  <ActionIcon
                    variant="subtle"
                    onClick={() => onEdit(stage)}
                    aria-label={t('pipelines.editStageOf', { name: stage.name })}
                  >
                    <IconPencil size={16} aria-hidden />
                  </ActionIcon>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    onClick={() => onDelete(stage)}
                    aria-label={t('pipelines.deleteStage', { name: stage.name })}
                  >
                    <IconTrash size={16} aria-hidden />
                  </ActionIcon>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
