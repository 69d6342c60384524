import type { Invitation } from '@guanxi/contract';
import { useTranslation } from 'react-i18next';
import { CredentialList } from '../../components/CredentialList';
import { EnumBadge } from '../../components/EnumBadge';
import { formatDate } from '../../lib/format';
import { useInvitations, useRevokeInvitation, useRoles } from './api';
import { InvitationForm } from './InvitationForm';
import { useRoleName } from './role-name';

const STATUS_COLORS = { pending: 'blue', accepted: 'green', revoked: 'gray', expired: 'orange' };

const absoluteUrl = (url: string) =>
  url.startsWith('/') ? `${window.location.origin}${url}` : url;

/** Invite form, the link of a new invitation (shown once), and the invitations with Revoke. */
export function InvitationList() {
  const { t } = useTranslation();
  const roleName = useRoleName();
  const roles = useRoles();
  return (
    <CredentialList
      issueTitle={t('settings.invite')}
      issueDescription={t('settings.inviteDescription')}
      IssueForm={InvitationForm}
      issuedMessage={t('settings.inviteCreated')}
      secret={(created) => ({
        title: `${t('settings.inviteLink')} · ${created.email}`,
        warning: t('settings.inviteLinkOnce'),
        value: absoluteUrl(created.acceptUrl),
        copyLabel: t('settings.copyLink'),
      })}
      listTitle={t('settings.invitations')}
      emptyText={t('settings.noInvitations')}
      query={useInvitations()}
      minWidth={640}
      columns={[
        {
          key: 'email',
          header: t('settings.invitationColumns.email'),
          cell: (inv: Invitation) => inv.email,
        },
        {
          key: 'role',
          header: t('settings.invitationColumns.role'),
          cell: (inv) => roleName(roles.data?.find((r) => r.id === inv.roleId)),
        },
        {
          key: 'status',
          header: t('settings.invitationColumns.status'),
          cell: (inv) => (
            <EnumBadge
              kind="invitationStatus"
              value={inv.status}
              colors={STATUS_COLORS}
              variant="light"
            />
          ),
        },
        {
          key: 'expiresAt',
          header: t('settings.invitationColumns.expiresAt'),
          cell: (inv) => formatDate(inv.expiresAt),
        },
      ]}
      rowName={(inv) => inv.email}
      canRevoke={(inv) => inv.status === 'pending'}
      revoke={useRevokeInvitation()}
      revokeLabel={t('settings.revoke')}
      revokedMessage={t('settings.invitationRevoked')}
      confirmTitle={t('settings.revokeInvitationTitle')}
      confirmMessage={(email) => t('settings.revokeInvitationMessage', { email })}
    />
  );
}
