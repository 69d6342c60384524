import { Paper, Stack, Text, Title } from '@mantine/core';
import type { UseMutationResult, UseQueryResult } from '@tanstack/react-query';
import { type ComponentType, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyError, notifySuccess } from '../lib/notify';
import { ConfirmModal } from './ConfirmModal';
import { type DataColumn, DataTable } from './DataTable';
import { ErrorAlert } from './ErrorAlert';
import { RowAction } from './RowAction';
import { SecretOnce } from './SecretOnce';
import { TableSkeleton } from './TableSkeleton';

type Secret = { title: string; warning: string; value: string; copyLabel: string };

type CredentialListProps<I extends { id: string }, C extends { id: string }> = {
  issueTitle: string;
  issueDescription: string;
  /** Issues one and calls back with what the server created, secret included. */
  IssueForm: ComponentType<{ onCreated: (created: C) => void }>;
  issuedMessage: string;
  /** The secret of what was just issued, shown this once. */
  secret: (created: C) => Secret;
  listTitle: string;
  emptyText: string;
  query: UseQueryResult<I[]>;
  columns: readonly DataColumn<I>[];
  minWidth: number;
  /** Names a row, e.g. in its Revoke button's accessible name. */
  rowName: (item: I) => string;
  /** Rows that can be revoked; all when omitted. */
  canRevoke?: (item: I) => boolean;
  revoke: UseMutationResult<void, Error, string>;
  revokeLabel: string;
  revokedMessage: string;
  confirmTitle: string;
  confirmMessage: (name: string) => string;
  /** Revoking what was just issued also takes its secret off the screen. */
  revokeHidesSecret?: boolean;
};

/**
 * Credentials such as API keys and invitation links: a form issues one and shows its secret
 * once; a table lists them with Revoke, after a confirmation.
 */
export function CredentialList<I extends { id: string }, C extends { id: string }>(
  props: CredentialListProps<I, C>,
) {
  const { t } = useTranslation();
  const { IssueForm, query, revoke, rowName, canRevoke } = props;
  const [created, setCreated] = useState<C | null>(null);
  const [revoking, setRevoking] = useState<I | null>(null);

  const onRevoke = () => {
    if (!revoking) return;
    revoke.mutate(revoking.id, {
      onSuccess: () => {
        notifySuccess(props.revokedMessage);
        if (props.revokeHidesSecret && created?.id === revoking.id) setCreated(null);
      },
      onError: (error) => notifyError(t, error),
      onSettled: () => setRevoking(null),
    });
  };

  const columns: DataColumn<I>[] = [
    ...props.columns,
    {
      key: 'actions',
      header: t('common.actions'),
      cell: (item) =>
        (canRevoke?.(item) ?? true) && (
          <RowAction
            label={props.revokeLabel}
            rowName={rowName(item)}
            color="red"
            onClick={() => setRevoking(item)}
          />
        ),
    },
  ];

  return (
    <Stack>
      <Paper withBorder radius="md" p="md">
        <Title order={3} size="h4">
          {props.issueTitle}
        </Title>
        <Text size="sm" c="dimmed" mb="md">
          {props.issueDescription}
        </Text>
        <IssueForm
          onCreated={(item) => {
            setCreated(item);
            notifySuccess(props.issuedMessage);
          }}
        />
        {created && (
          <Stack mt="md">
            <SecretOnce {...props.secret(created)} onDismiss={() => setCreated(null)} />
          </Stack>
        )}
      </Paper>
      <Paper withBorder radius="md" p="md">
        <Title order={3} size="h4" mb="sm">
          {props.listTitle}
        </Title>
        {query.isPending ? (
          <TableSkeleton rows={3} />
        ) : query.isError ? (
          <ErrorAlert error={query.error} onRetry={() => query.refetch()} />
        ) : query.data.length === 0 ? (
          <Text c="dimmed" size="sm">
            {props.emptyText}
          </Text>
        ) : (
          <DataTable
            label={props.listTitle}
            rows={query.data}
            columns={columns}
            minWidth={props.minWidth}
          />
        )}
      </Paper>
      <ConfirmModal
        opened={revoking !== null}
        title={props.confirmTitle}
        message={props.confirmMessage(revoking ? rowName(revoking) : '')}
        confirmLabel={props.revokeLabel}
        loading={revoke.isPending}
        onConfirm={onRevoke}
        onClose={() => setRevoking(null)}
      />
    </Stack>
  );
}
