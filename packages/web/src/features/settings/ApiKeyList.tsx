import type { ApiKey } from '@guanxi/contract';
import { Button, Code, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../components/ConfirmModal';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SecretOnce } from '../../components/SecretOnce';
import { TableSkeleton } from '../../components/TableSkeleton';
import { formatDate, fromNow } from '../../lib/format';
import { notifyError, notifySuccess } from '../../lib/notify';
import { ApiKeyForm } from './ApiKeyForm';
import { type CreatedApiKey, useApiKeys, useRevokeApiKey } from './api';

/** Create an API key (secret shown once), list keys, revoke. */
export function ApiKeyList() {
  const { t } = useTranslation();
  const keys = useApiKeys();
  const revoke = useRevokeApiKey();
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);

  const onRevoke = () => {
    if (!revoking) return;
    revoke.mutate(revoking.id, {
      onSuccess: () => {
        notifySuccess(t('settings.apiKeyRevoked'));
        if (created?.id === revoking.id) setCreated(null);
      },
      onError: (error) => notifyError(t, error),
      onSettled: () => setRevoking(null),
    });
  };

  return (
    <Stack>
      <Paper withBorder radius="md" p="md">
        <Title order={3} size="h4">
          {t('settings.newApiKey')}
        </Title>
        <Text size="sm" c="dimmed" mb="md">
          {t('settings.apiKeyDescription')}
        </Text>
        <ApiKeyForm
          onCreated={(key) => {
            setCreated(key);
            notifySuccess(t('settings.apiKeyCreated'));
          }}
        />
        {created && (
          <Stack mt="md">
            <SecretOnce
              title={`${t('settings.apiKeyCreated')} · ${created.name}`}
              warning={t('settings.apiKeyOnce')}
              value={created.key}
              copyLabel={t('settings.copyKey')}
              onDismiss={() => setCreated(null)}
            />
          </Stack>
        )}
      </Paper>
      <Paper withBorder radius="md" p="md">
        <Title order={3} size="h4" mb="sm">
          {t('settings.apiKeys')}
        </Title>
        {keys.isPending ? (
          <TableSkeleton rows={3} />
        ) : keys.isError ? (
          <ErrorAlert error={keys.error} onRetry={() => keys.refetch()} />
        ) : keys.data.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('settings.noApiKeys')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={600}>
            <Table verticalSpacing="sm" aria-label={t('settings.apiKeys')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('settings.apiKeyColumns.name')}</Table.Th>
                  <Table.Th>{t('settings.apiKeyColumns.prefix')}</Table.Th>
                  <Table.Th>{t('settings.apiKeyColumns.createdAt')}</Table.Th>
                  <Table.Th>{t('settings.apiKeyColumns.lastUsedAt')}</Table.Th>
                  <Table.Th>{t('common.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {keys.data.map((key) => (
                  <Table.Tr key={key.id}>
                    <Table.Td>{key.name}</Table.Td>
                    <Table.Td>
                      <Code>{key.prefix}…</Code>
                    </Table.Td>
                    <Table.Td>{formatDate(key.createdAt)}</Table.Td>
                    <Table.Td>
                      {key.lastUsedAt ? fromNow(key.lastUsedAt) : t('settings.neverUsed')}
                    </Table.Td>
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="light"
                        color="red"
                        onClick={() => setRevoking(key)}
                        aria-label={`${t('settings.revoke')} ${key.name}`}
                      >
                        {t('settings.revoke')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
      <ConfirmModal
        opened={revoking !== null}
        title={t('settings.revokeApiKeyTitle')}
        message={t('settings.revokeApiKeyMessage', { name: revoking?.name ?? '' })}
        confirmLabel={t('settings.revoke')}
        loading={revoke.isPending}
        onConfirm={onRevoke}
        onClose={() => setRevoking(null)}
      />
    </Stack>
  );
}
