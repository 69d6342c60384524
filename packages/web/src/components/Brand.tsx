import { Group, Text, ThemeIcon } from '@mantine/core';
import { IconAffiliate } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** Logo and product name; in the app header the name hides on narrow screens. */
export function Brand({ size = 'md', compact = false }: { size?: 'md' | 'lg'; compact?: boolean }) {
  const { t } = useTranslation();
  return (
    <Group gap={8} wrap="nowrap">
      <ThemeIcon size={size === 'lg' ? 36 : 28} radius="md" aria-hidden>
        <IconAffiliate size={size === 'lg' ? 22 : 18} />
      </ThemeIcon>
      <Text
        fw={700}
        size={size === 'lg' ? 'xl' : 'lg'}
        visibleFrom={compact ? 'sm' : undefined}
        style={{ whiteSpace: 'nowrap' }}
      >
        {t('app.name')}
      </Text>
    </Group>
  );
}
