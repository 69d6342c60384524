import {
  TRANSFER_OBJECTS,
  type TransferObject,
  type TransferResult,
  type User,
} from '@guanxi/contract';
import { Button, Checkbox, Group, List, Modal, Select, Stack, Text } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { RowAction } from '../../components/RowAction';
import { useEnumLabels } from '../../i18n/enums';
import { fieldErrorsOf } from '../../lib/problem';
import { useUsers } from '../settings/api';
import { useTransferRecords } from './api';

/** "Transfer records…" on a user's row (Settings → Users): for when someone leaves. */
export function TransferRecordsAction({ user }: { user: User }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  return (
    <>
      <RowAction label={t('transfer.action')} rowName={user.name} onClick={() => setOpened(true)} />
      <Modal
        opened={opened}
        onClose={() => setOpened(false)}
        title={t('transfer.title', { name: user.name })}
        size="lg"
        centered
      >
        {opened && <TransferForm user={user} onClose={() => setOpened(false)} />}
      </Modal>
    </>
  );
}

function TransferForm({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation();
  const users = useUsers();
  const transfer = useTransferRecords();
  const [toUserId, setToUserId] = useState<string | null>(null);
  const [toPool, setToPool] = useState(false);
  const [missing, setMissing] = useState(false);
  const candidates = (users.data ?? []).filter((u) => u.status === 'active' && u.id !== user.id);
  const successor = candidates.find((u) => u.id === toUserId);

  if (transfer.data && successor) {
    return <TransferDone result={transfer.data} successor={successor.name} onClose={onClose} />;
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!toUserId) {
      setMissing(true);
      return;
    }
    transfer.mutate({ userId: user.id, body: { toUserId, poolAccountsAndLeads: toPool } });
  };
  const serverError = fieldErrorsOf(t, transfer.error).toUserId;

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm" c="dimmed">
          {t('transfer.description')}
        </Text>
        {transfer.error && !serverError && <ErrorAlert error={transfer.error} />}
        <Select
          label={t('transfer.toUser')}
          placeholder={t('transfer.toUserPlaceholder')}
          data={candidates.map((u) => ({ value: u.id, label: `${u.name} · ${u.email}` }))}
          value={toUserId}
          onChange={(value) => {
            setToUserId(value);
            setMissing(false);
          }}
          error={missing ? t('common.requiredField', { field: t('transfer.toUser') }) : serverError}
          searchable
          required
          data-autofocus
        />
        <Checkbox
          label={t('transfer.poolOption')}
          checked={toPool}
          onChange={(event) => setToPool(event.currentTarget.checked)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={transfer.isPending}>
            {t('transfer.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

type TransferDoneProps = { result: TransferResult; successor: string; onClose: () => void };

/** The counts per object after a transfer. */
function TransferDone({ result, successor, onClose }: TransferDoneProps) {
  const { t } = useTranslation();
  const { label } = useEnumLabels();
  const lines = (counts: TransferResult['moved']) =>
    TRANSFER_OBJECTS.filter((o: TransferObject) => (counts[o] ?? 0) > 0).map((o) =>
      t('transfer.count', { object: label('permissionObject', o), count: counts[o] }),
    );
  const moved = lines(result.moved);
  const pooled = lines(result.pooled);
  return (
    <Stack role="status">
      <Text fw={600}>{t('transfer.done')}</Text>
      {moved.length === 0 && pooled.length === 0 && <Text size="sm">{t('transfer.nothing')}</Text>}
      {moved.length > 0 && (
        <div>
          <Text size="sm">{t('transfer.movedTo', { name: successor })}</Text>
          <List size="sm">
            {moved.map((line) => (
              <List.Item key={line}>{line}</List.Item>
            ))}
          </List>
        </div>
      )}
      {pooled.length > 0 && (
        <div>
          <Text size="sm">{t('transfer.pooled')}</Text>
          <List size="sm">
            {pooled.map((line) => (
              <List.Item key={line}>{line}</List.Item>
            ))}
          </List>
        </div>
      )}
      <Group justify="flex-end">
        <Button onClick={onClose}>{t('common.close')}</Button>
      </Group>
    </Stack>
  );
}
