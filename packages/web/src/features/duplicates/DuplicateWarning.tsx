import { Button, Group, Stack, Text } from '@mantine/core';
import { IconCopy } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Notice } from '../../components/Notice';
import type { DuplicateCheckState } from '../../records/use-record-form';
import { DuplicateMatches } from './DuplicateMatches';

/**
 * Shown when a save answered 409 `duplicate`: the similar records, "Save anyway" (sends again,
 * confirmed) and "Keep editing".
 */
export function DuplicateWarning({ check }: { check: DuplicateCheckState }) {
  const { t } = useTranslation();
  const [saving, setSaving] = useState(false);
  const saveAnyway = async () => {
    setSaving(true);
    try {
      await check.saveAnyway();
    } finally {
      setSaving(false);
    }
  };
  return (
    <Notice
      color="orange"
      icon={<IconCopy size={18} />}
      heading={t('duplicates.title')}
      role="alert"
    >
      <Stack gap="sm" mt={4}>
        <Text size="sm">{t('duplicates.found', { count: check.matches.length })}</Text>
        <DuplicateMatches matches={check.matches} />
        <Group justify="flex-end">
          <Button variant="default" onClick={check.dismiss}>
            {t('duplicates.keepEditing')}
          </Button>
          <Button color="orange" loading={saving} onClick={saveAnyway}>
            {t('duplicates.saveAnyway')}
          </Button>
        </Group>
      </Stack>
    </Notice>
  );
}
