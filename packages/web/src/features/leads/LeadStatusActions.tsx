import type { Lead } from '@guanxi/contract';
import { Button, Group, Menu, Modal, Stack, Text, Textarea } from '@mantine/core';
import { IconChevronDown } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifyError, notifySuccess } from '../../lib/notify';
import { fieldErrorsOf } from '../../lib/problem';
import { leadsApi } from './api';

type Settable = Exclude<Lead['status'], 'converted'>;
const ACTIONS = [
  { status: 'working', key: 'leads.work' },
  { status: 'nurturing', key: 'leads.nurture' },
  { status: 'qualified', key: 'leads.qualify' },
] as const;

/** "Change status": work, nurture, qualify, or disqualify with a reason. */
export function LeadStatusActions({ lead }: { lead: Lead }) {
  const { t } = useTranslation();
  const update = leadsApi.useUpdate();
  const [disqualifying, setDisqualifying] = useState(false);
  const [reason, setReason] = useState('');

  const setStatus = (status: Settable, extra: { disqualifyReason?: string } = {}) =>
    update
      .mutateAsync({ id: lead.id, version: lead.version, input: { status, ...extra } })
      .then(() => notifySuccess(t('leads.statusChanged')));
  const reasonError = fieldErrorsOf(t, update.error).disqualifyReason;

  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button
            variant="default"
            rightSection={<IconChevronDown size={16} aria-hidden />}
            loading={update.isPending && !disqualifying}
          >
            {t('leads.statusActions')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {ACTIONS.filter((a) => a.status !== lead.status).map((action) => (
            <Menu.Item
              key={action.status}
              onClick={() => setStatus(action.status).catch((error) => notifyError(t, error))}
            >
              {t(action.key)}
            </Menu.Item>
          ))}
          {lead.status !== 'disqualified' && (
            <Menu.Item color="red" onClick={() => setDisqualifying(true)}>
              {t('leads.disqualify')}
            </Menu.Item>
          )}
        </Menu.Dropdown>
      </Menu>
      <Modal
        opened={disqualifying}
        onClose={() => setDisqualifying(false)}
        title={t('leads.disqualifyTitle')}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <form
          onSubmit={(event) => {
            event.preventDefault();
            setStatus('disqualified', { disqualifyReason: reason }).then(
              () => {
                setDisqualifying(false);
                setReason('');
              },
              () => undefined,
            );
          }}
        >
          <Stack>
            <Text size="sm" c="dimmed">
              {t('leads.disqualifyHint')}
            </Text>
            <Textarea
              label={t('leads.disqualifyReason')}
              placeholder={t('leads.disqualifyReasonPlaceholder')}
              value={reason}
              onChange={(event) => setReason(event.currentTarget.value)}
              error={reasonError}
              required
              autosize
              minRows={2}
              data-autofocus
            />
            {update.isError && !reasonError && <ErrorAlert error={update.error} />}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setDisqualifying(false)}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" color="red" loading={update.isPending}>
                {t('leads.disqualify')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
