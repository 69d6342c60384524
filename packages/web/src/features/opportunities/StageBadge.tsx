import { Badge } from '@mantine/core';
import { usePipelines } from './api';
import { stageColor, stageIndex } from './format';

/** An opportunity's stage by name, colored by kind (open, won, lost). */
export function StageBadge({ stageId }: { stageId: string }) {
  const { data } = usePipelines();
  const stage = stageIndex(data).get(stageId);
  if (!stage) return null;
  return (
    <Badge variant="light" color={stageColor(stage.kind)} tt="none">
      {stage.name}
    </Badge>
  );
}
