import type { AuditEntry } from '@guanxi/contract';
import { Group, Stack, Text } from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { useAuditFormat } from './audit-format';

/** Fields a new record was created with, shown before "+N more". */
const CREATE_PREVIEW = 3;

type AuditChangesProps = { entry: AuditEntry; format: ReturnType<typeof useAuditFormat> };

/** "field: old → new" per changed field; a creation lists the values it was created with. */
export function AuditChanges({ entry, format }: AuditChangesProps) {
  const { t } = useTranslation();
  if (entry.action === 'delete' || entry.action === 'restore') return null;
  const created = entry.action === 'create';
  const changes = created
    ? entry.changes.filter((c) => c.new !== null && c.new !== '' && c.field !== 'name')
    : entry.changes;
  const shown = created ? changes.slice(0, CREATE_PREVIEW) : changes;

  return (
    <Stack gap={2}>
      {shown.map((change) => (
        <Group key={change.field} gap={6} wrap="wrap">
          <Text size="sm" fw={500}>
            {t('auditLog.changedField', { field: format.fieldLabel(entry, change.field) })}
          </Text>
          {!created && (
            <>
              <Text size="sm" c="dimmed" td="line-through">
                {format.value(entry, change.field, change.old)}
              </Text>
              <IconArrowRight size={14} aria-label="→" />
            </>
          )}
          <Text size="sm">{format.value(entry, change.field, change.new)}</Text>
        </Group>
      ))}
      {changes.length > shown.length && (
        <Text size="xs" c="dimmed">
          {t('auditLog.moreChanges', { count: changes.length - shown.length })}
        </Text>
      )}
    </Stack>
  );
}
