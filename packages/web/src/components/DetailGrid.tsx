import { SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export type DetailItem = { label: string; value: ReactNode; span?: 'full' };

/** Label/value pairs of a record, two columns on wide screens. */
export function DetailGrid({ items }: { items: DetailItem[] }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg" verticalSpacing="md" component="dl" m={0}>
      {items.map((item) => (
        <Stack
          key={item.label}
          gap={2}
          style={item.span === 'full' ? { gridColumn: '1 / -1' } : undefined}
        >
          <Text component="dt" size="xs" c="dimmed" fw={600} tt="uppercase">
            {item.label}
          </Text>
          <Text component="dd" m={0} size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {item.value === null || item.value === undefined || item.value === ''
              ? t('common.empty')
              : item.value}
          </Text>
        </Stack>
      ))}
    </SimpleGrid>
  );
}
