import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { requiredLabelProps } from '../../components/required-label';

type LossReasonModalProps = {
  /** The opportunity's name while asking; null when closed. */
  name: string | null;
  onCancel: () => void;
  onConfirm: (reason: string) => void;
};

/** Asks why a deal was lost before it moves to a lost stage (the server requires a reason). */
export function LossReasonModal({ name, onCancel, onConfirm }: LossReasonModalProps) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) {
      setError(t('common.requiredField', { field: t('opportunities.fields.lossReason') }));
      return;
    }
    onConfirm(reason.trim());
    setReason('');
  };
  return (
    <Modal
      opened={name !== null}
      onClose={onCancel}
      title={t('opportunities.lost.title')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">{t('opportunities.lost.prompt', { name: name ?? '' })}</Text>
          <Textarea
            label={t('opportunities.fields.lossReason')}
            labelProps={requiredLabelProps}
            placeholder={t('opportunities.lost.placeholder')}
            value={reason}
            onChange={(event) => {
              setReason(event.currentTarget.value);
              setError(undefined);
            }}
            error={error}
            autosize
            minRows={2}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red">
              {t('opportunities.lost.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
