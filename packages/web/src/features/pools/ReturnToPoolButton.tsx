import type { PoolObject } from '@guanxi/contract';
import { Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { IconArrowBackUpDouble } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../lib/notify';
import { fieldErrorsOf } from '../../lib/problem';
import { usePermissions } from '../auth/session';
import { useReturnToPool } from './api';

type ReturnToPoolButtonProps = {
  object: PoolObject;
  record: { id: string; name: string; ownerId: string | null; deletedAt: string | null };
};

/** "Return to pool" on an account or lead page: asks why, then gives the record back. */
export function ReturnToPoolButton({ object, record }: ReturnToPoolButtonProps) {
  const { t } = useTranslation();
  const { can } = usePermissions();
  const giveBack = useReturnToPool(object);
  const navigate = useNavigate();
  const [opened, setOpened] = useState(false);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);

  if (record.ownerId === null || record.deletedAt !== null || !can(object, 'update')) return null;

  const close = () => {
    setOpened(false);
    setReason('');
    setMissing(false);
    giveBack.reset();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) {
      setMissing(true);
      return;
    }
    giveBack.mutate(
      { id: record.id, reason: reason.trim() },
      {
        onSuccess: (returned) => {
          notifySuccess(t('pools.returned'));
          close();
          void navigate({ to: '/pools', search: { pool: returned.poolId ?? undefined } });
        },
      },
    );
  };
  const serverError = fieldErrorsOf(t, giveBack.error).reason;
  const reasonError = missing
    ? t('common.requiredField', { field: t('pools.returnReason') })
    : serverError;

  return (
    <>
      <Button
        variant="default"
        leftSection={<IconArrowBackUpDouble size={16} aria-hidden />}
        onClick={() => setOpened(true)}
      >
        {t('pools.returnAction')}
      </Button>
      <Modal
        opened={opened}
        onClose={close}
        title={t('pools.returnTitle', { name: record.name })}
        centered
      >
        <form onSubmit={submit} noValidate>
          <Stack>
            {giveBack.error && !serverError && <ErrorAlert error={giveBack.error} />}
            <Textarea
              label={t('pools.returnReason')}
              description={t('pools.returnReasonHint')}
              placeholder={t('pools.returnReasonPlaceholder')}
              value={reason}
              onChange={(event) => {
                setReason(event.currentTarget.value);
                setMissing(false);
              }}
              error={reasonError}
              required
              autosize
              minRows={3}
              maxLength={500}
              data-autofocus
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" color="orange" loading={giveBack.isPending}>
                {t('pools.returnConfirm')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
