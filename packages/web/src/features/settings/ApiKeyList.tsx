import type { ApiKey } from '@guanxi/contract';
import { Code } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CredentialList } from '../../components/CredentialList';
import { formatDate, fromNow } from '../../lib/format';
import { ApiKeyForm } from './ApiKeyForm';
import { useApiKeys, useRevokeApiKey } from './api';

/** Create an API key (secret shown once), list keys, revoke. */
export function ApiKeyList() {
  const { t } = useTranslation();
  return (
    <CredentialList
      issueTitle={t('settings.newApiKey')}
      issueDescription={t('settings.apiKeyDescription')}
      IssueForm={ApiKeyForm}
      issuedMessage={t('settings.apiKeyCreated')}
      secret={(created) => ({
        title: `${t('settings.apiKeyCreated')} · ${created.name}`,
        warning: t('settings.apiKeyOnce'),
        value: created.key,
        copyLabel: t('settings.copyKey'),
      })}
      listTitle={t('settings.apiKeys')}
      emptyText={t('settings.noApiKeys')}
      query={useApiKeys()}
      minWidth={600}
      columns={[
        { key: 'name', header: t('settings.apiKeyColumns.name'), cell: (key: ApiKey) => key.name },
        {
          key: 'prefix',
          header: t('settings.apiKeyColumns.prefix'),
          cell: (key) => <Code>{key.prefix}…</Code>,
        },
        {
          key: 'createdAt',
          header: t('settings.apiKeyColumns.createdAt'),
          cell: (key) => formatDate(key.createdAt),
        },
        {
          key: 'lastUsedAt',
          header: t('settings.apiKeyColumns.lastUsedAt'),
          cell: (key) => (key.lastUsedAt ? fromNow(key.lastUsedAt) : t('settings.neverUsed')),
        },
      ]}
      rowName={(key) => key.name}
      revoke={useRevokeApiKey()}
      revokeLabel={t('settings.revoke')}
      revokedMessage={t('settings.apiKeyRevoked')}
      confirmTitle={t('settings.revokeApiKeyTitle')}
      confirmMessage={(name) => t('settings.revokeApiKeyMessage', { name })}
      revokeHidesSecret
    />
  );
}
