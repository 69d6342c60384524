import type { DuplicateMatch, Lead } from '@guanxi/contract';
import { Button, Divider, Group, Modal, Stack, Text } from '@mantine/core';
import { IconCopy } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Notice } from '../../components/Notice';
import { notifySuccess } from '../../lib/notify';
import { duplicatesOf, fieldErrorsOf } from '../../lib/problem';
import { useAccountOptions } from '../accounts/api';
import { useSession } from '../auth/session';
import { useContactOptions } from '../contacts/api';
import { useDuplicateCheck } from '../duplicates/api';
import { DuplicateMatches } from '../duplicates/DuplicateMatches';
import { usePipelines } from '../opportunities/api';
import { type ConvertBody, useConvertLead } from './api';
import { ConvertOpportunity, type OpportunityDraft } from './ConvertOpportunity';
import { ConvertTarget, type TargetChoice } from './ConvertTarget';

type ConvertLeadDialogProps = { lead: Lead; opened: boolean; onClose: () => void };

const target = (choice: TargetChoice) =>
  choice.mode === 'create' ? { create: {} } : choice.id ? { id: choice.id } : null;

const useAccountPicks = (q: string, enabled: boolean) => useAccountOptions(q, enabled);
const useContactPicks = (q: string, enabled: boolean) => useContactOptions(q, enabled);

/**
 * Converting a lead: use a similar existing account and contact (the duplicate check suggests
 * them) or create new ones, optionally open an opportunity, then go to the account.
 */
export function ConvertLeadDialog({ lead, opened, onClose }: ConvertLeadDialogProps) {
  const { t } = useTranslation();
  const me = useSession();
  const navigate = useNavigate();
  const convert = useConvertLead();
  const pipelines = usePipelines();
  const company = lead.company ?? lead.name;
  const accountMatches = useDuplicateCheck('account', { name: company }, opened);
  const contactMatches = useDuplicateCheck(
    'contact',
    { email: lead.email, phone: lead.phones[0]?.number },
    opened,
  );
  const [account, setAccount] = useState<TargetChoice>({ mode: 'create' });
  const [contact, setContact] = useState<TargetChoice>({ mode: 'create' });
  const [opportunity, setOpportunity] = useState<OpportunityDraft>({
    enabled: true,
    name: company,
    amount: '',
    currency: me.workspace.currency,
    pipelineId: null,
    stageId: null,
    expectedCloseDate: '',
  });
  const [blocked, setBlocked] = useState<DuplicateMatch[] | null>(null);
  const pipelineList = pipelines.data ?? [];
  const withOpportunity = opportunity.enabled && pipelineList.length > 0;

  const send = (allowDuplicates: boolean) => {
    const accountTarget = target(account);
    const contactTarget = target(contact);
    if (!accountTarget || !contactTarget) return;
    const body: ConvertBody = {
      account: accountTarget,
      contact: contactTarget,
      allowDuplicates: allowDuplicates || undefined,
      opportunity: withOpportunity
        ? {
            name: opportunity.name.trim(),
            amount: opportunity.amount.trim() || undefined,
            currency: opportunity.currency.trim() || undefined,
            pipelineId: opportunity.pipelineId ?? undefined,
            stageId: opportunity.stageId ?? undefined,
            expectedCloseDate: opportunity.expectedCloseDate || undefined,
          }
        : undefined,
    };
    setBlocked(null);
    // Not the mutate callbacks: the converted lead's page drops this dialog before they run.
    convert.mutateAsync({ id: lead.id, body }).then(
      (result) => {
        notifySuccess(t('conversion.converted'));
        onClose();
        void navigate({ to: '/accounts/$id', params: { id: result.accountId } });
      },
      (error: unknown) => setBlocked(duplicatesOf(error)),
    );
  };

  const errors = fieldErrorsOf(t, convert.error);
  const opportunityErrors = Object.fromEntries(
    Object.entries(errors)
      .filter(([path]) => path.startsWith('opportunity.'))
      .map(([path, message]) => [path.slice('opportunity.'.length), message]),
  );
  const otherError = convert.isError && !blocked && Object.keys(opportunityErrors).length === 0;
  const incomplete = target(account) === null || target(contact) === null;

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('conversion.title', { name: lead.name })}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          send(false);
        }}
        noValidate
      >
        <Stack>
          <Text size="sm" c="dimmed">
            {t('conversion.description')}
          </Text>
          <ConvertTarget
            legend={t('conversion.accountSection')}
            createName={company}
            matches={(accountMatches.data ?? []).filter((m) => m.object === 'account')}
            value={account}
            onChange={setAccount}
            pickLabel={t('conversion.pickAccount')}
            useOptions={useAccountPicks}
            error={errors['account.id']}
          />
          <Divider />
          <ConvertTarget
            legend={t('conversion.contactSection')}
            createName={lead.name}
            matches={(contactMatches.data ?? []).filter((m) => m.object === 'contact')}
            value={contact}
            onChange={setContact}
            pickLabel={t('conversion.pickContact')}
            useOptions={useContactPicks}
            error={errors['contact.id']}
          />
          {pipelineList.length > 0 && (
            <>
              <Divider />
              <ConvertOpportunity
                value={opportunity}
                onChange={(patch) => setOpportunity((o) => ({ ...o, ...patch }))}
                pipelines={pipelineList}
                errors={opportunityErrors}
              />
            </>
          )}
          {blocked && (
            <Notice
              color="orange"
              icon={<IconCopy size={18} />}
              heading={t('duplicates.title')}
              role="alert"
            >
              <Stack gap="sm" mt={4}>
                <Text size="sm">{t('conversion.duplicatesBlocked')}</Text>
                <DuplicateMatches matches={blocked} />
                <Group justify="flex-end">
                  <Button color="orange" onClick={() => send(true)} loading={convert.isPending}>
                    {t('conversion.createAnyway')}
                  </Button>
                </Group>
              </Stack>
            </Notice>
          )}
          {otherError && <ErrorAlert error={convert.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={convert.isPending} disabled={incomplete}>
              {t('conversion.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
