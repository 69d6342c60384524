import { Button, EmptyState } from '@mantine/core';
import { IconMapSearch } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';

export function NotFound() {
  const { t } = useTranslation();
  return (
    <EmptyState
      py={80}
      title={t('errors.pageNotFound')}
      description={t('errors.pageNotFoundHint')}
      icon={<IconMapSearch size={28} />}
      withIndicatorBackground
    >
      <EmptyState.Actions>
        <Button component={Link} to="/accounts">
          {t('errors.goHome')}
        </Button>
      </EmptyState.Actions>
    </EmptyState>
  );
}
