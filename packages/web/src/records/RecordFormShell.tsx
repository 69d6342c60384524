import { Button, Group, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ConcurrencyAlert } from '../components/ConcurrencyAlert';
import { ErrorAlert } from '../components/ErrorAlert';
import { RevealOnMount } from '../components/RevealOnMount';
import { DuplicateWarning } from '../features/duplicates/DuplicateWarning';
import type { RecordFormState } from './use-record-form';

type RecordFormShellProps = {
  form: RecordFormState;
  onCancel: () => void;
  /** The record type's fields. */
  children: ReactNode;
};

/**
 * Around a record form's fields: the conflict and error alerts, Cancel and Save; when the
 * duplicate check flagged the record, the matches with "Save anyway" in place of Save.
 */
export function RecordFormShell({ form, onCancel, children }: RecordFormShellProps) {
  const { t } = useTranslation();
  const { save } = form;
  const duplicates = form.duplicateCheck?.matches.length ? form.duplicateCheck : null;
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
        {duplicates && (
          <RevealOnMount>
            <DuplicateWarning check={duplicates} />
          </RevealOnMount>
        )}
        {!duplicates && (
          <Group justify="flex-end">
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={form.saving} disabled={save.stale}>
              {t('common.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
