import { Button, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../lib/problem';
import { Notice } from './Notice';

type ErrorAlertProps = {
  error: unknown;
  /** Overrides the generic text when the caller knows better (e.g. wrong password). */
  message?: string;
  onRetry?: () => void;
};

/** An error explained in the person's language, with the server's detail when it helps. */
export function ErrorAlert({ error, message, onRetry }: ErrorAlertProps) {
  const { t } = useTranslation();
  const described = describeError(t, error);
  const title = message ?? described.title;
  const detail = message ? undefined : described.detail;
  return (
    <Notice color="red" icon={<IconAlertTriangle size={18} />} heading={title} role="alert">
      {detail && detail !== title && <Text size="sm">{detail}</Text>}
      {onRetry && (
        <Button variant="light" color="red" size="xs" mt="sm" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      )}
    </Notice>
  );
}
