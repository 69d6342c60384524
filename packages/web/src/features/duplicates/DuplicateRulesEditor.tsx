import {
  DUPLICATE_OBJECTS,
  DUPLICATE_RULE_KEYS,
  type DuplicateObject,
  type DuplicateRules,
} from '@guanxi/contract';
import { Button, Checkbox, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TableSkeleton } from '../../components/TableSkeleton';
import { useEnumLabels } from '../../i18n/enums';
import { notifyError, notifySuccess } from '../../lib/notify';
import { useDuplicateRules, useSaveDuplicateRules } from './api';

/** Settings → Duplicate rules: per object, which values count as a duplicate. */
export function DuplicateRulesEditor() {
  const rules = useDuplicateRules();
  if (rules.isPending) return <TableSkeleton rows={3} />;
  if (rules.isError) return <ErrorAlert error={rules.error} onRetry={() => rules.refetch()} />;
  return <RulesForm saved={rules.data} />;
}

function RulesForm({ saved }: { saved: DuplicateRules }) {
  const { t } = useTranslation();
  const { label } = useEnumLabels();
  const save = useSaveDuplicateRules();
  const [rules, setRules] = useState<DuplicateRules>(saved);
  const changed = JSON.stringify(rules) !== JSON.stringify(saved);
  const set = (object: DuplicateObject, keys: string[]) =>
    setRules((r) => ({ ...r, [object]: keys }) as DuplicateRules);

  return (
    <Paper withBorder radius="md" p="md">
      <Stack>
        <div>
          <Title order={3} size="h4">
            {t('duplicates.rulesTitle')}
          </Title>
          <Text size="sm" c="dimmed" mt={4}>
            {t('duplicates.rulesDescription')}
          </Text>
        </div>
        <SimpleGrid cols={{ base: 1, md: 3 }}>
          {DUPLICATE_OBJECTS.map((object) => (
            <Checkbox.Group
              key={object}
              label={t(`duplicates.rulesObject.${object}`)}
              description={
                object === 'lead' ? t('duplicates.leadCrossCheck') : t('duplicates.rulesOff')
              }
              value={rules[object]}
              onChange={(keys) => set(object, keys)}
            >
              <Stack gap={8} mt="xs">
                {DUPLICATE_RULE_KEYS[object].map((key) => (
                  <Checkbox key={key} value={key} label={label('duplicateRule', key)} />
                ))}
              </Stack>
            </Checkbox.Group>
          ))}
        </SimpleGrid>
        {save.isError && <ErrorAlert error={save.error} />}
        <Group justify="flex-end">
          <Button variant="default" disabled={!changed} onClick={() => setRules(saved)}>
            {t('common.cancel')}
          </Button>
          <Button
            disabled={!changed}
            loading={save.isPending}
            onClick={() =>
              save.mutate(rules, {
                onSuccess: (next) => {
                  setRules(next);
                  notifySuccess(t('duplicates.rulesSaved'));
                },
                onError: (error) => notifyError(t, error),
              })
            }
          >
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
