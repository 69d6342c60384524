import type { Invitation } from '@guanxi/contract';
import { Badge, Button, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../components/ConfirmModal';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SecretOnce } from '../../components/SecretOnce';
import { TableSkeleton } from '../../components/TableSkeleton';
import { useEnumLabels } from '../../i18n/enums';
import { formatDate } from '../../lib/format';
import { notifyError, notifySuccess } from '../../lib/notify';
import { type CreatedInvitation, useInvitations, useRevokeInvitation, useRoles } from './api';
import { InvitationForm } from './InvitationForm';
import { useRoleName } from './role-name';

const STATUS_COLORS = {
  pending: 'blue',
  accepted: 'green',
  revoked: 'gray',
  expired: 'orange',
} as const;

const absoluteUrl = (url: string) =>
  url.startsWith('/') ? `${window.location.origin}${url}` : url;

/** Invite form, the link of a new invitation (shown once), and the invitations with Revoke. */
export function InvitationList() {
  const { t } = useTranslation();
  const { label } = useEnumLabels();
  const roleName = useRoleName();
  const invitations = useInvitations();
  const roles = useRoles();
  const revoke = useRevokeInvitation();
  const [created, setCreated] = useState<CreatedInvitation | null>(null);
  const [revoking, setRevoking] = useState<Invitation | null>(null);

  const onRevoke = () => {
    if (!revoking) return;
    revoke.mutate(revoking.id, {
      onSuccess: () => notifySuccess(t('settings.invitationRevoked')),
      onError: (error) => notifyError(t, error),
      onSettled: () => setRevoking(null),
    });
  };

  return (
    <Stack>
      <Paper withBorder radius="md" p="md">
        <Title order={3} size="h4">
          {t('settings.invite')}
        </Title>
        <Text size="sm" c="dimmed" mb="md">
          {t('settings.inviteDescription')}
        </Text>
        <InvitationForm
          onCreated={(invitation) => {
            setCreated(invitation);
            notifySuccess(t('settings.inviteCreated'));
          }}
        />
        {created && (
          <Stack mt="md">
            <SecretOnce
              title={`${t('settings.inviteLink')} · ${created.email}`}
              warning={t('settings.inviteLinkOnce')}
              value={absoluteUrl(created.acceptUrl)}
              copyLabel={t('settings.copyLink')}
              onDismiss={() => setCreated(null)}
            />
          </Stack>
        )}
      </Paper>
      <Paper withBorder radius="md" p="md">
        <Title order={3} size="h4" mb="sm">
          {t('settings.invitations')}
        </Title>
        {invitations.isPending ? (
          <TableSkeleton rows={3} />
        ) : invitations.isError ? (
          <ErrorAlert error={invitations.error} onRetry={() => invitations.refetch()} />
        ) : invitations.data.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('settings.noInvitations')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing="sm" aria-label={t('settings.invitations')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('settings.invitationColumns.email')}</Table.Th>
                  <Table.Th>{t('settings.invitationColumns.role')}</Table.Th>
                  <Table.Th>{t('settings.invitationColumns.status')}</Table.Th>
                  <Table.Th>{t('settings.invitationColumns.expiresAt')}</Table.Th>
                  <Table.Th>{t('common.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {invitations.data.map((inv) => (
                  <Table.Tr key={inv.id}>
                    <Table.Td>{inv.email}</Table.Td>
                    <Table.Td>{roleName(roles.data?.find((r) => r.id === inv.roleId))}</Table.Td>
                    <Table.Td>
                      <Badge color={STATUS_COLORS[inv.status]} variant="light" tt="none">
                        {label('invitationStatus', inv.status)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{formatDate(inv.expiresAt)}</Table.Td>
                    <Table.Td>
                      {inv.status === 'pending' && (
                        <Button
                          size="xs"
                          variant="light"
                          color="red"
                          onClick={() => setRevoking(inv)}
                          aria-label={`${t('settings.revoke')} ${inv.email}`}
                        >
                          {t('settings.revoke')}
                        </Button>
                      )}
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
        title={t('settings.revokeInvitationTitle')}
        message={t('settings.revokeInvitationMessage', { email: revoking?.email ?? '' })}
        confirmLabel={t('settings.revoke')}
        loading={revoke.isPending}
        onConfirm={onRevoke}
        onClose={() => setRevoking(null)}
      />
    </Stack>
  );
}
