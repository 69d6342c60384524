import { Button, Group, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ConcurrencyAlert } from '../components/ConcurrencyAlert';
import { ErrorAlert } from '../components/ErrorAlert';
import { RevealOnMount } from '../components/RevealOnMount';
import type { RecordFormState } from './use-record-form';

type RecordFormShellProps = {
  form: RecordFormState;
  onCancel: () => void;
  /** The record type's fields. */
  children: ReactNode;
};

/** Around a record form's fields: the conflict and error alerts, Cancel and Save. */
export function RecordFormShell({ form, onCancel, children }: RecordFormShellProps) {
  const { t } = useTranslation();
  const { save } = form;
  return (
    <form onSubmit={form.submit} noValidate>
      <Stack gap="md">
        {save.stale && (
          <RevealOnMount>
            <ConcurrencyAlert reloading={save.reloading} onReload={save.reloadLatest} />
          </RevealOnMount>
        )}
        {save.error !== null && (
          <RevealOnMount key={String(save.errorCount)}>
            <ErrorAlert error={save.error} />
          </RevealOnMount>
        )}
        {children}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={form.saving} disabled={save.stale}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
