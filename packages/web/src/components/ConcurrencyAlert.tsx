import { Button } from '@mantine/core';
import { IconGitMerge } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Notice } from './Notice';

type ConcurrencyAlertProps = { reloading: boolean; onReload: () => void };

/** Shown when a save answered 412: someone else changed the record since it was opened. */
export function ConcurrencyAlert({ reloading, onReload }: ConcurrencyAlertProps) {
  const { t } = useTranslation();
  const reloadButton = useRef<HTMLButtonElement>(null);
  // Keyboard users land on the one action that resolves the conflict.
  useEffect(() => reloadButton.current?.focus(), []);
  return (
    <Notice
      color="orange"
      icon={<IconGitMerge size={18} />}
      heading={t('concurrency.title')}
      role="alert"
    >
      {t('concurrency.message')}
      <Button
        ref={reloadButton}
        mt="sm"
        size="xs"
        variant="filled"
        color="orange"
        loading={reloading}
        onClick={onReload}
        display="block"
      >
        {t('concurrency.reload')}
      </Button>
    </Notice>
  );
}
