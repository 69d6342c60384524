import { Button, Code, CopyButton, Group, Stack, Text } from '@mantine/core';
import { IconCheck, IconCopy, IconKey } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Notice } from './Notice';

type SecretOnceProps = {
  title: string;
  warning: string;
  /** The value shown this one time. */
  value: string;
  copyLabel: string;
  onDismiss: () => void;
};

/** A secret (API key, invitation link) shown once, with a copy button and a warning. */
export function SecretOnce({ title, warning, value, copyLabel, onDismiss }: SecretOnceProps) {
  const { t } = useTranslation();
  return (
    <Notice
      color="yellow"
      icon={<IconKey size={18} />}
      heading={title}
      role="status"
      withCloseButton
      onClose={onDismiss}
      closeButtonLabel={t('common.close')}
    >
      <Stack gap="xs">
        <Text size="sm">{warning}</Text>
        <Code block style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
          {value}
        </Code>
        <Group>
          <CopyButton value={value} timeout={2000}>
            {({ copied, copy }) => (
              <Button
                size="xs"
                color={copied ? 'teal' : 'blue'}
                leftSection={
                  copied ? <IconCheck size={14} aria-hidden /> : <IconCopy size={14} aria-hidden />
                }
                onClick={copy}
              >
                {copied ? t('common.copied') : copyLabel}
              </Button>
            )}
          </CopyButton>
        </Group>
      </Stack>
    </Notice>
  );
}
